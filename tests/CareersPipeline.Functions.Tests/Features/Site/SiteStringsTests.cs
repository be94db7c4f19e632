using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Web.Content;
using CareersPipeline.Web.Strings;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>Every language has every English string with the same placeholders; the words agree with the code they describe.</summary>
public sealed class SiteStringsTests
{
    private static readonly IReadOnlyList<SiteStrings> Languages = SiteStrings.Load();

    private static SiteStrings English => Languages.Single(l => l.Language.Code == SiteLanguage.English);

    public static TheoryData<string> OtherLanguages() => [.. Languages.Select(l => l.Language.Code).Where(c => c != SiteLanguage.English)];

    [Fact]
    public void TheSiteHasEnglishUkrainianAndArabic_ArabicRightToLeft()
    {
        Assert.Equal(["en", "ar", "uk"], Languages.Select(l => l.Language.Code));
        Assert.True(Languages.Single(l => l.Language.Code == "ar").Language.RightToLeft);
        Assert.False(Languages.Single(l => l.Language.Code == "uk").Language.RightToLeft);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void EveryEnglishKey_IsTranslated_WithTheSamePlaceholders(string code)
    {
        var language = Languages.Single(l => l.Language.Code == code);

        Assert.Empty(English.All.Keys.Except(language.All.Keys));
        Assert.Empty(language.All.Keys.Except(English.All.Keys));
        foreach (var (key, text) in English.All)
        {
            Assert.True(SiteStrings.Placeholders(text).SequenceEqual(SiteStrings.Placeholders(language[key])), $"{code}.json '{key}' has placeholders {string.Join(",", SiteStrings.Placeholders(language[key]))}, English has {string.Join(",", SiteStrings.Placeholders(text))}");
            Assert.False(string.IsNullOrWhiteSpace(language[key]), $"{code}.json '{key}' is empty");
        }
    }

    [Fact]
    public void EnglishNextSteps_AreTheJourneyRoutersOwn()
    {
        foreach (var route in Enum.GetValues<JourneyRoute>())
        {
            var steps = Enumerable.Range(1, 10).Select(n => $"journeys.{route}.step.{n}").Where(English.Has).Select(k => English[k]);
            Assert.Equal(JourneyRouter.NextSteps(route), steps);
        }
    }

    [Fact]
    public void EveryOptionOnTheForm_HasAString()
    {
        foreach (var (prefix, names) in new[]
        {
            ("family", Enum.GetNames<CareerFamily>()), ("situation", Enum.GetNames<CurrentSituation>()), ("qualification", Enum.GetNames<QualificationLevel>()),
            ("rightToWork", Enum.GetNames<RightToWork>()), ("support", Enum.GetNames<SupportNeed>()),
        })
        {
            Assert.All(names, name => Assert.True(English.Has($"{prefix}.{name}"), $"en.json has no '{prefix}.{name}'"));
        }

        Assert.All(Enum.GetNames<Door>(), door => Assert.True(English.Has($"signup.{door}.title")));
        Assert.All(SignUpForm.Fields, field => Assert.True(English.Has($"error.{field}"), $"en.json has no 'error.{field}'"));
    }

    [Fact]
    public void CareerContent_DescribesEveryFamilyWithRoles()
    {
        var content = CareerContent.Load();

        foreach (var family in SitePlan.CareerFamilies)
        {
            var roles = content[family].Roles;
            Assert.True(roles.Count >= 2, $"{family} has {roles.Count} roles");
            Assert.All(roles, r => Assert.True(r.Entry.Count > 0 && r.PayBand.Length > 0 && r.Apprenticeships.Length > 0 && r.What.Length > 0, $"{family}: {r.Name} is incomplete"));
        }

        Assert.Equal(15, SitePlan.CareerFamilies.Count);
    }
}
