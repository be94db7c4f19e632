using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Tests.Features.SignUps;

namespace CareersPipeline.Core.Tests.Features.Site;

/// <summary>The form only reshapes what a browser sends; the validator's errors name the form's own fields.</summary>
public sealed class SignUpFormTests
{
    [Fact]
    public void ToRequest_MapsEveryField()
    {
        var request = SignUpForm.ToRequest(Form(
            ("firstName", " Amira "), ("lastName", "Haddad"), ("email", "amira@example.org"), ("phone", ""),
            ("dateOfBirth-day", "9"), ("dateOfBirth-month", "3"), ("dateOfBirth-year", "1994"), ("postcode", "ST4 6QG"),
            ("careerInterests", "Nursing"), ("careerInterests", "Pharmacy"), ("currentSituation", "Unemployed"), ("qualificationLevel", "Level3"),
            ("rightToWork", "Yes"), ("supportNeeds", "EnglishLanguage"), ("preferredLanguage", "ar"),
            ("consents.contact", "yes"), ("consents.marketing", "no"), ("consents.wordingVersion", "2026-09"), ("yearGroup", "11"), ("eventCode", "EV-BURTON-CR")));

        Assert.Equal("Amira", request.FirstName);
        Assert.Null(request.Phone);
        Assert.Equal("1994-03-09", request.DateOfBirth);
        Assert.Equal(["Nursing", "Pharmacy"], request.CareerInterests);
        Assert.Equal(["EnglishLanguage"], request.SupportNeeds);
        Assert.True(request.Consents!.Contact);
        Assert.False(request.Consents.Marketing);
        Assert.Equal(11, request.YearGroup);
        Assert.Equal("EV-BURTON-CR", request.EventCode);
    }

    [Theory]
    [InlineData("", "", "", null)]
    [InlineData("31", "2", "2001", "2001-02-31")]
    [InlineData("x", "2", "2001", "2001-2-x")]
    public void DateOfBirth_IsComposedFromTheThreeBoxes_AndLeftForTheValidatorToJudge(string day, string month, string year, string? expected) =>
        Assert.Equal(expected, SignUpForm.ToRequest(Form(("dateOfBirth-day", day), ("dateOfBirth-month", month), ("dateOfBirth-year", year))).DateOfBirth);

    [Fact]
    public void AnEmptyForm_GetsAnErrorForEveryRequiredField_EachOnAFieldTheFormHas()
    {
        var validator = new SignUpValidator(SignUpTestData.Clock());

        var errors = validator.Validate(Door.School, SignUpForm.ToRequest(FormValues.Empty)).Errors;
        var byField = SignUpForm.ByField(errors);

        Assert.Equal(
            ["schoolCode", "yearGroup", "firstName", "lastName", "email", "dateOfBirth", "postcode", "careerInterests", "currentSituation", "qualificationLevel", "rightToWork", "consents.contact", "consents.marketing"],
            byField.Keys);
        Assert.All(byField.Keys, field => Assert.Contains(field, SignUpForm.Fields));
    }

    [Fact]
    public void ByField_GroupsIndexedErrorsUnderTheirField()
    {
        var errors = new Dictionary<string, string[]> { ["careerInterests[1]"] = ["'Plumbing' is not known."], ["careerInterests[0]"] = ["'X' is not known."], ["email"] = ["Enter your email address."] };

        var byField = SignUpForm.ByField(errors);

        Assert.Equal(["email", "careerInterests"], byField.Keys);
        Assert.Equal(2, byField["careerInterests"].Length);
    }

    private static FormValues Form(params (string Name, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Value)]));
}
