using System.Text.Json;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Web.Rendering;
using static CareersPipeline.Core.Tests.Features.Site.SiteTestData;

namespace CareersPipeline.Core.Tests.Features.Site;

/// <summary>schema.org JobPosting with Google's required properties, and none for a closed posting.</summary>
public sealed class JobPostingJsonLdTests
{
    [Fact]
    public void LiveOpportunity_HasEveryRequiredProperty()
    {
        var posting = Parse(JobPostingJsonLd.For(Opportunity())!);

        Assert.Equal("https://schema.org", posting.GetProperty("@context").GetString());
        Assert.Equal("JobPosting", posting.GetProperty("@type").GetString());
        Assert.Equal("Porter", posting.GetProperty("title").GetString());
        Assert.Equal("<p>Move patients and equipment safely.</p><p>You will work shifts.</p><p>Full training given.</p>", posting.GetProperty("description").GetString());
        Assert.Equal("2026-05-03", posting.GetProperty("datePosted").GetString());
        Assert.Equal("2026-06-30T23:59:59+00:00", posting.GetProperty("validThrough").GetString());
        Assert.Equal("University Hospitals of North Midlands NHS Trust", posting.GetProperty("hiringOrganization").GetProperty("name").GetString());
        var address = posting.GetProperty("jobLocation")[0].GetProperty("address");
        Assert.Equal("ST4 6QG", address.GetProperty("postalCode").GetString());
        Assert.Equal("GB", address.GetProperty("addressCountry").GetString());
        Assert.Equal("FULL_TIME", posting.GetProperty("employmentType")[0].GetString());
    }

    [Fact]
    public void FixedWage_IsTheBaseSalary()
    {
        var salary = Parse(JobPostingJsonLd.For(Opportunity())!).GetProperty("baseSalary");

        Assert.Equal("GBP", salary.GetProperty("currency").GetString());
        Assert.Equal(23615m, salary.GetProperty("value").GetProperty("value").GetDecimal());
        Assert.Equal("YEAR", salary.GetProperty("value").GetProperty("unitText").GetString());
    }

    [Fact]
    public void WageWithoutAnAmount_HasNoBaseSalary() =>
        Assert.False(Parse(JobPostingJsonLd.For(Opportunity(wage: new Wage(WageType.ApprenticeshipMinimum)))!).TryGetProperty("baseSalary", out _));

    [Theory]
    [InlineData(OpportunityStatus.Closed)]
    [InlineData(OpportunityStatus.Archived)]
    [InlineData(OpportunityStatus.Draft)]
    public void NotLive_HasNoStructuredData(OpportunityStatus status) =>
        Assert.Null(JobPostingJsonLd.For(Opportunity(status)));

    [Fact]
    public void ATitleThatLooksLikeMarkup_CannotCloseTheScriptElement()
    {
        var json = JobPostingJsonLd.For(Opportunity() with { Title = "Porter</script><script>alert(1)</script>" })!;

        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Porter</script><script>alert(1)</script>", Parse(json).GetProperty("title").GetString());
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
