using CareersPipeline.Core.Features.NationalVacancies;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;

namespace CareersPipeline.Functions.Tests.Features.NationalVacancies;

/// <summary>The mapping from a DfE vacancy to an opportunity: wages, durations, dates and career families.</summary>
public sealed class NationalVacancyMappingTests
{
    [Theory]
    [InlineData("ApprenticeshipMinimum", null, WageType.ApprenticeshipMinimum)]
    [InlineData("NationalMinimum", null, WageType.NationalMinimum)]
    [InlineData("Custom", 24071.0, WageType.Fixed)]
    [InlineData("CompetitiveSalary", null, WageType.Competitive)]
    [InlineData("SomethingNew", 20000.0, WageType.Fixed)]
    [InlineData(null, null, WageType.Competitive)]
    public void WageType_IsMapped(string? apiType, double? amount, WageType expected) =>
        Assert.Equal(expected, NationalVacancyMapper.MapWage(new ApiWage { WageType = apiType, WageAmount = (decimal?)amount }).Type);

    [Theory]
    [InlineData("Weekly", WageUnit.Weekly)]
    [InlineData("Monthly", WageUnit.Monthly)]
    [InlineData("Annually", WageUnit.Annually)]
    [InlineData("Unspecified", null)]
    public void WageUnit_IsMapped(string apiUnit, WageUnit? expected) =>
        Assert.Equal(expected, NationalVacancyMapper.MapWage(new ApiWage { WageType = "Custom", WageAmount = 1m, WageUnit = apiUnit }).Unit);

    [Theory]
    [InlineData("2 years", 24)]
    [InlineData("18 months", 18)]
    [InlineData("1 year 6 months", 18)]
    [InlineData("52 weeks", 12)]
    [InlineData("15 Months", 15)]
    [InlineData("1.5 years", 18)]
    [InlineData("to be confirmed", null)]
    [InlineData(null, null)]
    public void ExpectedDuration_IsParsedToMonths(string? text, int? months) =>
        Assert.Equal(months, NationalVacancyMapper.DurationInMonths(text));

    [Theory]
    [InlineData("2026-10-22T23:59:59Z", "2026-10-22")]
    [InlineData("2026-10-22T00:00:00", "2026-10-22")]
    [InlineData("2026-10-22", "2026-10-22")]
    [InlineData("22/10/2026", null)]
    [InlineData(null, null)]
    public void Dates_KeepTheDateAsWritten(string? text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NationalVacancyMapper.ParseDate(text));

    [Theory]
    [InlineData("Dental Nurse Apprentice", "Dental nurse (integrated)", "Health and science", CareerFamily.Dental)]
    [InlineData("Trainee Nursing Associate", "Nursing associate (NMC 2018)", "Health and science", CareerFamily.Nursing)]
    [InlineData("Nursery Practitioner", "Early years practitioner", "Education and early years", CareerFamily.WiderHealthcareTeam)]
    [InlineData("Apprentice", "Pharmacy services assistant", "Health and science", CareerFamily.Pharmacy)]
    [InlineData("Maternity Support Worker", "Maternity support worker", "Health and science", CareerFamily.Midwifery)]
    [InlineData("Emergency Care Assistant", "Ambulance support worker (emergency, urgent and non-urgent)", "Health and science", CareerFamily.AmbulanceService)]
    [InlineData("Degree Physiotherapist", "Physiotherapist (degree)", "Health and science", CareerFamily.AlliedHealthProfessions)]
    [InlineData("Trainee Biomedical Scientist", "Healthcare science practitioner", "Health and science", CareerFamily.HealthcareScience)]
    [InlineData("Software Engineer Apprentice", "Software developer", "Digital", CareerFamily.HealthInformatics)]
    [InlineData("Apprentice", "Data technician", "Digital", CareerFamily.HealthInformatics)]
    [InlineData("Care Worker", "Adult care worker", "Care services", CareerFamily.SocialCare)]
    [InlineData("Apprentice", "Lead practitioner in adult care", "Care services", CareerFamily.SocialCare)]
    [InlineData("Maintenance Electrician", "Installation electrician and maintenance electrician", "Construction and the built environment", CareerFamily.EstatesAndFacilities)]
    [InlineData("Apprentice", "Commis chef", "Catering and hospitality", CareerFamily.EstatesAndFacilities)]
    [InlineData("Business Administrator", "Business administrator", "Business and administration", CareerFamily.WiderHealthcareTeam)]
    [InlineData("Healthcare Support Worker", "Healthcare support worker", "Health and science", CareerFamily.WiderHealthcareTeam)]
    [InlineData("Apprentice", null, "Digital", CareerFamily.HealthInformatics)]
    [InlineData("Apprentice", null, null, CareerFamily.WiderHealthcareTeam)]
    public void CareerFamily_IsInferredFromTitlesThenRoute(string title, string? standard, string? route, CareerFamily expected) =>
        Assert.Equal(expected, NationalCareerFamilies.Infer(title, standard, route));

    [Fact]
    public void SparseVacancy_GetsSafeDefaults_AndTheVacancyPageToApply()
    {
        var opportunity = NationalVacancyMapper.Map(new ApiVacancy
        {
            VacancyReference = "VAC1000099999",
            Title = "Apprentice",
            ClosingDate = "2026-12-01T23:59:59Z",
            VacancyUrl = "https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC1000099999",
        });

        Assert.NotNull(opportunity);
        Assert.Equal("n1000099999", opportunity.Id);
        Assert.Equal(1, opportunity.Positions);
        Assert.Empty(opportunity.Locations);
        Assert.Equal(WageType.Competitive, opportunity.Wage.Type);
        Assert.Null(opportunity.Apprenticeship);
        Assert.Equal(new HowToApply(false, "https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC1000099999"), opportunity.HowToApply);
        Assert.Equal(OpportunityStatus.Draft, opportunity.Status);
    }

    [Theory]
    [InlineData(null, "Title", "2026-12-01")]
    [InlineData("VAC1", null, "2026-12-01")]
    [InlineData("VAC1", "Title", null)]
    [InlineData("VAC-1!", "Title", "2026-12-01")]
    public void VacancyWithoutReferenceTitleOrClosingDate_IsNotMapped(string? reference, string? title, string? closingDate) =>
        Assert.Null(NationalVacancyMapper.Map(new ApiVacancy { VacancyReference = reference, Title = title, ClosingDate = closingDate }));

    [Fact]
    public void LongDescription_IsCutForTheSummary_AtAWord()
    {
        var description = string.Join(' ', Enumerable.Repeat("apprenticeship", 60));

        var opportunity = NationalVacancyMapper.Map(new ApiVacancy { VacancyReference = "VAC2", Title = "T", ClosingDate = "2026-12-01", Description = description })!;

        Assert.True(opportunity.Summary.Length <= NationalVacancyMapper.SummaryLength);
        Assert.EndsWith("apprenticeship…", opportunity.Summary, StringComparison.Ordinal);
        Assert.Equal(description, opportunity.Description);
    }
}
