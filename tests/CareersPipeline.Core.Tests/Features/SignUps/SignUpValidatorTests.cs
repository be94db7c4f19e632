using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Core.Tests.Features.SignUps;

public sealed class SignUpValidatorTests
{
    private static readonly string[] AlwaysRequired =
    [
        "firstName", "lastName", "email", "dateOfBirth", "postcode", "careerInterests",
        "currentSituation", "qualificationLevel", "rightToWork", "consents",
    ];

    private readonly FakeTimeProvider _time = SignUpTestData.Clock();

    private DateOnly Today => SignUpTestData.Today(_time);

    private SignUpValidator CreateSut() => new(_time);

    private SignUpValidation Validate(SignUpRequest request, Door door = Door.Website) => CreateSut().Validate(door, request);

    private static void AssertOnlyErrors(SignUpValidation validation, params string[] fields)
    {
        Assert.Null(validation.SignUp);
        Assert.Equal(fields.Order(StringComparer.Ordinal), validation.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(validation.Errors.Values, messages =>
        {
            Assert.NotEmpty(messages);
            Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        });
    }

    private static ValidSignUp AssertValid(SignUpValidation validation)
    {
        Assert.True(validation.Errors.Count == 0, "Unexpected errors: " + string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return Assert.IsType<ValidSignUp>(validation.SignUp);
    }

    // ---- A valid request ----

    [Theory]
    [InlineData(Door.Website)]
    [InlineData(Door.School)]
    [InlineData(Door.Event)]
    [InlineData(Door.Programme)]
    public void Validate_ValidRequestForEachDoor_ReturnsSignUpAndNoErrors(Door door)
    {
        var validation = Validate(SignUpTestData.ForDoor(door, Today), door);

        var signUp = AssertValid(validation);
        Assert.Equal(door, signUp.Door);
        Assert.Empty(validation.Errors);
    }

    [Fact]
    public void Validate_ValidRequestWithUntidyInput_ReturnsNormalisedValues()
    {
        var dob = Today.AddYears(-25).AddDays(-3);
        var request = new SignUpRequest
        {
            FirstName = "  Olena ",
            LastName = " Kovalenko  ",
            Email = "  Olena.K@Example.org ",
            Phone = "+44 (0)7700 900123",
            DateOfBirth = " " + SignUpTestData.Iso(dob) + " ",
            Postcode = " st46qg ",
            CareerInterests = ["nursing", "MIDWIFERY", "Nursing"],
            CurrentSituation = "unemployed",
            QualificationLevel = "level6",
            RightToWork = "awaitingdecision",
            SupportNeeds = ["englishLanguage", "other"],
            SupportNeedsOther = "  Help with childcare  ",
            PreferredLanguage = " uk ",
            Consents = new ConsentAnswers { Contact = true, Marketing = true, WordingVersion = " 2026-09 " },
            ProgrammeCode = " vwe-acute ",
        };

        var signUp = AssertValid(Validate(request, Door.Programme));

        Assert.Equal(Door.Programme, signUp.Door);
        Assert.Equal("VWE-ACUTE", signUp.DoorCode);
        Assert.Equal("Olena", signUp.FirstName);
        Assert.Equal("Kovalenko", signUp.LastName);
        Assert.Equal("Olena.K@Example.org", signUp.Email);
        Assert.Equal("+447700900123", signUp.Phone);
        Assert.Equal(dob, signUp.DateOfBirth);
        Assert.Equal("ST4 6QG", signUp.Postcode);
        Assert.Equal([CareerFamily.Nursing, CareerFamily.Midwifery], signUp.CareerInterests);
        Assert.Equal(CurrentSituation.Unemployed, signUp.CurrentSituation);
        Assert.Equal(QualificationLevel.Level6, signUp.QualificationLevel);
        Assert.Equal(RightToWork.AwaitingDecision, signUp.RightToWork);
        Assert.Equal([SupportNeed.EnglishLanguage, SupportNeed.Other], signUp.SupportNeeds);
        Assert.Equal("Help with childcare", signUp.SupportNeedsOther);
        Assert.Equal("uk", signUp.PreferredLanguage);
        Assert.True(signUp.ContactConsent);
        Assert.True(signUp.MarketingConsent);
        Assert.Equal("2026-09", signUp.ConsentWordingVersion);
        Assert.Null(signUp.YearGroup);
        Assert.Null(signUp.GuardianEmail);
        Assert.False(signUp.NeedsGuardianConsent);
    }

    [Fact]
    public void Validate_ConsentsAnsweredNo_AreCarriedThrough()
    {
        var request = SignUpTestData.Adult(Today) with { Consents = new ConsentAnswers { Contact = false, Marketing = false, WordingVersion = "v1" } };

        var signUp = AssertValid(Validate(request));

        Assert.False(signUp.ContactConsent);
        Assert.False(signUp.MarketingConsent);
        Assert.Equal("v1", signUp.ConsentWordingVersion);
    }

    // ---- Required fields ----

    [Fact]
    public void Validate_EmptyWebsiteRequest_ReportsEveryRequiredFieldAtOnce()
    {
        AssertOnlyErrors(Validate(new SignUpRequest()), AlwaysRequired);
    }

    [Theory]
    [InlineData(Door.School, new[] { "schoolCode", "yearGroup" })]
    [InlineData(Door.Event, new[] { "eventCode" })]
    [InlineData(Door.Programme, new[] { "programmeCode" })]
    [InlineData(Door.Website, new string[0])]
    public void Validate_EmptyRequestThroughADoor_AlsoReportsThatDoorsFields(Door door, string[] doorFields)
    {
        AssertOnlyErrors(Validate(new SignUpRequest(), door), [.. AlwaysRequired, .. doorFields]);
    }

    [Theory]
    [InlineData("firstName")]
    [InlineData("lastName")]
    [InlineData("email")]
    [InlineData("dateOfBirth")]
    [InlineData("postcode")]
    [InlineData("careerInterests")]
    [InlineData("currentSituation")]
    [InlineData("qualificationLevel")]
    [InlineData("rightToWork")]
    [InlineData("consents")]
    [InlineData("consents.contact")]
    [InlineData("consents.marketing")]
    [InlineData("consents.wordingVersion")]
    public void Validate_RequiredFieldMissing_ReportsErrorKeyedByThatFieldOnly(string field)
    {
        var request = Without(SignUpTestData.Adult(Today), field, blank: null);

        AssertOnlyErrors(Validate(request), field);
    }

    [Theory]
    [InlineData("firstName")]
    [InlineData("lastName")]
    [InlineData("email")]
    [InlineData("dateOfBirth")]
    [InlineData("postcode")]
    [InlineData("careerInterests")]
    [InlineData("currentSituation")]
    [InlineData("qualificationLevel")]
    [InlineData("rightToWork")]
    [InlineData("consents.wordingVersion")]
    public void Validate_RequiredFieldBlank_ReportsErrorKeyedByThatFieldOnly(string field)
    {
        var request = Without(SignUpTestData.Adult(Today), field, blank: " \t ");

        AssertOnlyErrors(Validate(request), field);
    }

    private static SignUpRequest Without(SignUpRequest request, string field, string? blank) => field switch
    {
        "firstName" => request with { FirstName = blank },
        "lastName" => request with { LastName = blank },
        "email" => request with { Email = blank },
        "dateOfBirth" => request with { DateOfBirth = blank },
        "postcode" => request with { Postcode = blank },
        "careerInterests" => request with { CareerInterests = blank is null ? null : [] },
        "currentSituation" => request with { CurrentSituation = blank },
        "qualificationLevel" => request with { QualificationLevel = blank },
        "rightToWork" => request with { RightToWork = blank },
        "consents" => request with { Consents = null },
        "consents.contact" => request with { Consents = request.Consents! with { Contact = null } },
        "consents.marketing" => request with { Consents = request.Consents! with { Marketing = null } },
        "consents.wordingVersion" => request with { Consents = request.Consents! with { WordingVersion = blank } },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    // ---- Names ----

    [Fact]
    public void Validate_NamesAtTheMaximumLength_AreAccepted()
    {
        var longest = new string('a', 100);

        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { FirstName = longest, LastName = " " + longest + " " }));

        Assert.Equal(longest, signUp.FirstName);
        Assert.Equal(longest, signUp.LastName);
    }

    [Fact]
    public void Validate_NamesOverTheMaximumLength_AreRefused()
    {
        var tooLong = new string('a', 101);

        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { FirstName = tooLong, LastName = tooLong }), "firstName", "lastName");
    }

    [Theory]
    [InlineData("Ann\tMarie")]
    [InlineData("Ann\u0000")]
    [InlineData("Ann\rMarie")]
    [InlineData("Ann\u001BMarie")]
    [InlineData("Ann\u007F")]
    [InlineData("Ann\u0085Marie")]
    public void Validate_NameWithControlCharacters_IsRefused(string name)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { FirstName = name, LastName = name }), "firstName", "lastName");
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("O'Brien-Ndiaye")]
    [InlineData("Олена")]
    [InlineData("محمد")]
    [InlineData("Mary Ann")]
    public void Validate_NamesInAnyScriptWithSpacesAndPunctuation_AreAccepted(string name)
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { FirstName = name, LastName = name }));

        Assert.Equal(name, signUp.FirstName);
        Assert.Equal(name, signUp.LastName);
    }

    // ---- Email ----

    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last+careers@sub.example.co.uk")]
    [InlineData("o'neil@example.org")]
    [InlineData("UPPER@EXAMPLE.ORG")]
    [InlineData("x@example.nhs.uk")]
    public void Validate_WellFormedEmail_IsAcceptedAsGiven(string email)
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { Email = "  " + email + " " }));

        Assert.Equal(email, signUp.Email);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("name@localhost")]
    [InlineData("name@@example.com")]
    [InlineData("name@exa@mple.com")]
    [InlineData("na me@example.com")]
    [InlineData("@example.com")]
    [InlineData("name@")]
    [InlineData("name@.com")]
    [InlineData("name@example..com")]
    [InlineData(".name@example.com")]
    [InlineData("name..x@example.com")]
    [InlineData("name@example,com.org")]
    [InlineData("Amelia <name@example.com>")]
    public void Validate_MalformedEmail_IsRefused(string email)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { Email = email }), "email");
    }

    [Fact]
    public void Validate_EmailAtMaximumLength_IsAccepted_AndOneLongerIsRefused()
    {
        const string domain = "@example.org";
        var longest = new string('a', 254 - domain.Length) + domain;
        var tooLong = "a" + longest;

        AssertValid(Validate(SignUpTestData.Adult(Today) with { Email = longest }));
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { Email = tooLong }), "email");
    }

    [Fact]
    public void Validate_EmailInDisplayOrCommentForm_IsRefusedOrStoredAsThePlainAddress()
    {
        foreach (var email in new[] { "<amelia.smith@example.org>", "amelia.smith(work)@example.org" })
        {
            var validation = Validate(SignUpTestData.Adult(Today) with { Email = email });

            Assert.True(validation.SignUp is null || validation.SignUp.Email == "amelia.smith@example.org", $"'{email}' was stored as '{validation.SignUp?.Email}'.");
        }
    }

    // ---- Phone ----

    [Theory]
    [InlineData("07700 900123", "+447700900123")]
    [InlineData("07700900123", "+447700900123")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("+447700900123", "+447700900123")]
    [InlineData("+44 (0)7700-900123", "+447700900123")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData("01782 123456", "+441782123456")]
    [InlineData("+44 (0)1782 123456", "+441782123456")]
    [InlineData("0044 1782 123456", "+441782123456")]
    [InlineData("01782.123.456", "+441782123456")]
    [InlineData("020 7946 0958", "+442079460958")]
    [InlineData("0300 123 4567", "+443001234567")]
    [InlineData("0800 123 4567", "+448001234567")]
    public void Validate_UkPhoneNumber_IsAcceptedAndNormalisedToInternationalForm(string phone, string expected)
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { Phone = phone }));

        Assert.Equal(expected, signUp.Phone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoPhone_IsAllowed(string? phone)
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { Phone = phone }));

        Assert.Null(signUp.Phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("07700 90012")]
    [InlineData("07700 9001234")]
    [InlineData("7700 900123")]
    [InlineData("+1 202 555 0123")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("09012 345678")]
    [InlineData("06123 456789")]
    [InlineData("07700 90012x")]
    [InlineData("call me")]
    public void Validate_NonUkOrMalformedPhone_IsRefused(string phone)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { Phone = phone }), "phone");
    }

    // ---- Date of birth ----

    [Theory]
    [InlineData("12/05/1990")]
    [InlineData("1990/05/12")]
    [InlineData("19900512")]
    [InlineData("1990-13-01")]
    [InlineData("1990-02-30")]
    [InlineData("1990-00-10")]
    [InlineData("1990-05-12T00:00:00")]
    [InlineData("12 May 1990")]
    [InlineData("yesterday")]
    public void Validate_DateOfBirthNotAnIsoDate_IsRefused(string dateOfBirth)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { DateOfBirth = dateOfBirth }), "dateOfBirth");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    public void Validate_DateOfBirthInTheFuture_IsRefused(int daysAhead)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { DateOfBirth = SignUpTestData.Iso(Today.AddDays(daysAhead)) }), "dateOfBirth");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 10)]
    [InlineData(12, 100)]
    [InlineData(13, 1)]
    public void Validate_UnderThirteen_IsRefused(int age, int daysUntilBirthday)
    {
        // BirthdayIn(today, n, d) with d > 0 is someone who turns n in d days, so is n - 1 today.
        var dob = age == 0 ? SignUpTestData.Iso(Today) : SignUpTestData.BirthdayIn(Today, age, daysUntilBirthday);
        var request = SignUpTestData.Under16(Today) with { DateOfBirth = dob };

        AssertOnlyErrors(Validate(request), "dateOfBirth");
    }

    [Fact]
    public void Validate_TurnsThirteenToday_IsAccepted()
    {
        var request = SignUpTestData.Under16(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, SignUpValidator.MinimumAge) };

        var signUp = AssertValid(Validate(request));

        Assert.Equal(SignUpValidator.MinimumAge, SignUpValidator.AgeOn(signUp.DateOfBirth, Today));
    }

    [Fact]
    public void Validate_TurnsThirteenTomorrow_IsRefused()
    {
        var request = SignUpTestData.Under16(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, SignUpValidator.MinimumAge, daysUntilBirthday: 1) };

        AssertOnlyErrors(Validate(request), "dateOfBirth");
    }

    [Fact]
    public void Validate_TurnsThirteenTomorrow_IsAcceptedOnceTheClockReachesTheBirthday()
    {
        var request = SignUpTestData.Under16(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, SignUpValidator.MinimumAge, daysUntilBirthday: 1) };
        var sut = CreateSut();
        Assert.Null(sut.Validate(Door.Website, request).SignUp);

        _time.Advance(TimeSpan.FromDays(1));

        AssertValid(sut.Validate(Door.Website, request));
    }

    [Fact]
    public void Validate_AHundredToday_IsAccepted_ButAHundredAndOneIsRefused()
    {
        AssertValid(Validate(SignUpTestData.Adult(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, 100) }));
        AssertValid(Validate(SignUpTestData.Adult(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, 101, daysUntilBirthday: 1) }));
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, 101) }), "dateOfBirth");
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { DateOfBirth = "1066-10-14" }), "dateOfBirth");
    }

    [Fact]
    public void AgeOn_ChangesOnTheBirthdayItself()
    {
        var dob = Today.AddYears(-20);

        Assert.Equal(19, SignUpValidator.AgeOn(dob, Today.AddDays(-1)));
        Assert.Equal(20, SignUpValidator.AgeOn(dob, Today));
        Assert.Equal(20, SignUpValidator.AgeOn(dob, Today.AddYears(1).AddDays(-1)));
        Assert.Equal(0, SignUpValidator.AgeOn(dob, dob));
    }

    // ---- Postcode ----

    [Theory]
    [InlineData(" st46qg ", "ST4 6QG")]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData("ST16 2DH", "ST16 2DH")]
    [InlineData("m1 1ae", "M1 1AE")]
    [InlineData("B33   8TH", "B33 8TH")]
    [InlineData("ec1a 1bb", "EC1A 1BB")]
    [InlineData("w1a0ax", "W1A 0AX")]
    [InlineData("DE14 1AA", "DE14 1AA")]
    public void Validate_UkPostcode_IsNormalised(string postcode, string expected)
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { Postcode = postcode }));

        Assert.Equal(expected, signUp.Postcode);
    }

    [Theory]
    [InlineData("ST4")]
    [InlineData("6QG")]
    [InlineData("12345")]
    [InlineData("ST4 6QGX")]
    [InlineData("ST4-6QG")]
    [InlineData("QT4 6QG")]
    [InlineData("ST4 6CG")]
    [InlineData("ST4 QQG")]
    [InlineData("SW1A-1AA")]
    [InlineData("90210")]
    public void Validate_NotAUkPostcode_IsRefused(string postcode)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { Postcode = postcode }), "postcode");
    }

    // ---- Career interests and other enums ----

    [Fact]
    public void Validate_UnknownCareerInterests_AreReportedByIndex()
    {
        var request = SignUpTestData.Adult(Today) with { CareerInterests = ["Nursing", "Astronauts", "Midwifery", "7", null!, ""] };

        AssertOnlyErrors(Validate(request), "careerInterests[1]", "careerInterests[3]", "careerInterests[4]", "careerInterests[5]");
    }

    [Fact]
    public void Validate_OnlyUnknownCareerInterests_ReportsTheIndexNotTheListAsMissing()
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { CareerInterests = ["Astronauts"] }), "careerInterests[0]");
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10")]
    [InlineData("Nursing,Midwifery")]
    [InlineData("Nursing, Midwifery")]
    public void Validate_CareerInterestNotANameOfTheEnum_IsRefused(string value)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { CareerInterests = [value] }), "careerInterests[0]");
    }

    [Fact]
    public void Validate_DuplicateCareerInterests_AreRemovedKeepingFirstOrder()
    {
        var request = SignUpTestData.Adult(Today) with { CareerInterests = ["SocialCare", "nursing", " NURSING ", "SocialCare", "NotSureYet"] };

        var signUp = AssertValid(Validate(request));

        Assert.Equal([CareerFamily.SocialCare, CareerFamily.Nursing, CareerFamily.NotSureYet], signUp.CareerInterests);
    }

    [Fact]
    public void Validate_EveryCareerFamilyName_IsAccepted()
    {
        var names = Enum.GetNames<CareerFamily>();

        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { CareerInterests = names }));

        Assert.Equal(Enum.GetValues<CareerFamily>(), signUp.CareerInterests);
    }

    [Theory]
    [InlineData("inEducation", "level2", "NO", CurrentSituation.InEducation, QualificationLevel.Level2, RightToWork.No)]
    [InlineData("OTHER", "entrylevel", "notsure", CurrentSituation.Other, QualificationLevel.EntryLevel, RightToWork.NotSure)]
    [InlineData(" employedElsewhere ", " NONE ", " yes ", CurrentSituation.EmployedElsewhere, QualificationLevel.None, RightToWork.Yes)]
    public void Validate_EnumNames_AreCaseInsensitive(string situation, string qualification, string rightToWork, CurrentSituation expectedSituation, QualificationLevel expectedQualification, RightToWork expectedRightToWork)
    {
        var request = SignUpTestData.Adult(Today) with { CurrentSituation = situation, QualificationLevel = qualification, RightToWork = rightToWork };

        var signUp = AssertValid(Validate(request));

        Assert.Equal(expectedSituation, signUp.CurrentSituation);
        Assert.Equal(expectedQualification, signUp.QualificationLevel);
        Assert.Equal(expectedRightToWork, signUp.RightToWork);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("99")]
    [InlineData("Student")]
    [InlineData("Yes,No")]
    public void Validate_SingleEnumsGivenAsNumbersOrUnknownNames_AreRefused(string value)
    {
        var request = SignUpTestData.Adult(Today) with { CurrentSituation = value, QualificationLevel = value, RightToWork = value };

        AssertOnlyErrors(Validate(request), "currentSituation", "qualificationLevel", "rightToWork");
    }

    [Fact]
    public void Validate_UnknownEnumValue_IsNamedInTheMessageWithTheChoices()
    {
        var errors = Validate(SignUpTestData.Adult(Today) with { RightToWork = "Maybe" }).Errors;

        var message = Assert.Single(errors["rightToWork"]);
        Assert.Contains("Maybe", message, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<RightToWork>(), name => Assert.Contains(name, message, StringComparison.Ordinal));
    }

    // ---- Support needs ----

    [Fact]
    public void Validate_NoSupportNeeds_IsAnEmptyList()
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { SupportNeeds = null, SupportNeedsOther = "ignored" }));

        Assert.Empty(signUp.SupportNeeds);
        Assert.Null(signUp.SupportNeedsOther);
    }

    [Fact]
    public void Validate_UnknownSupportNeeds_AreReportedByIndex()
    {
        var request = SignUpTestData.Adult(Today) with { SupportNeeds = ["EnglishLanguage", "Transport", "2"] };

        AssertOnlyErrors(Validate(request), "supportNeeds[1]", "supportNeeds[2]");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_SupportNeedOtherWithoutDescription_IsRefused(string? other)
    {
        var request = SignUpTestData.Adult(Today) with { SupportNeeds = ["Other"], SupportNeedsOther = other };

        AssertOnlyErrors(Validate(request), "supportNeedsOther");
    }

    [Fact]
    public void Validate_SupportNeedOtherDescription_IsLimitedTo500Characters()
    {
        var request = SignUpTestData.Adult(Today) with { SupportNeeds = ["other"] };

        var signUp = AssertValid(Validate(request with { SupportNeedsOther = new string('x', 500) }));
        Assert.Equal(500, signUp.SupportNeedsOther!.Length);
        AssertOnlyErrors(Validate(request with { SupportNeedsOther = new string('x', 501) }), "supportNeedsOther");
        AssertOnlyErrors(Validate(request with { SupportNeedsOther = "needs\u0007help" }), "supportNeedsOther");
    }

    [Fact]
    public void Validate_SupportNeedsOtherWithoutTheOtherNeed_IsNotKept()
    {
        var request = SignUpTestData.Adult(Today) with { SupportNeeds = ["EnglishLanguage", "englishlanguage"], SupportNeedsOther = "Some detail" };

        var signUp = AssertValid(Validate(request));

        Assert.Equal([SupportNeed.EnglishLanguage], signUp.SupportNeeds);
        Assert.Null(signUp.SupportNeedsOther);
    }

    // ---- Preferred language ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoPreferredLanguage_DefaultsToEnglish(string? language)
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { PreferredLanguage = language }));

        Assert.Equal("en", signUp.PreferredLanguage);
    }

    [Theory]
    [InlineData("uk")]
    [InlineData("ar")]
    [InlineData("pl")]
    [InlineData("yue")]
    [InlineData("en-GB")]
    [InlineData("zh-Hant")]
    [InlineData("es-419")]
    public void Validate_LanguageTag_IsAccepted(string language)
    {
        var signUp = AssertValid(Validate(SignUpTestData.Adult(Today) with { PreferredLanguage = " " + language + " " }));

        Assert.Equal(language, signUp.PreferredLanguage);
    }

    [Theory]
    [InlineData("english")]
    [InlineData("e")]
    [InlineData("en_GB")]
    [InlineData("en-")]
    [InlineData("en-G")]
    [InlineData("en-GB-oxendict")]
    [InlineData("12")]
    [InlineData("<script>")]
    public void Validate_NotALanguageTag_IsRefused(string language)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { PreferredLanguage = language }), "preferredLanguage");
    }

    // ---- Consents ----

    [Fact]
    public void Validate_ConsentPartsAllMissing_ReportsEachPart()
    {
        AssertOnlyErrors(Validate(SignUpTestData.Adult(Today) with { Consents = new ConsentAnswers() }), "consents.contact", "consents.marketing", "consents.wordingVersion");
    }

    [Fact]
    public void Validate_ConsentWordingVersionOver20Characters_IsRefused()
    {
        var request = SignUpTestData.Adult(Today);

        AssertValid(Validate(request with { Consents = request.Consents! with { WordingVersion = new string('v', 20) } }));
        AssertOnlyErrors(Validate(request with { Consents = request.Consents! with { WordingVersion = new string('v', 21) } }), "consents.wordingVersion");
    }

    [Fact]
    public void Validate_MarketingConsentFromUnder16_IsRefused()
    {
        var request = SignUpTestData.Under16(Today);

        AssertOnlyErrors(Validate(request with { Consents = request.Consents! with { Marketing = true } }), "consents.marketing");
    }

    [Fact]
    public void Validate_MarketingConsentFromSomeoneTurning16Tomorrow_IsRefused_ButFrom16Today_IsAccepted()
    {
        var consents = new ConsentAnswers { Contact = true, Marketing = true, WordingVersion = "2026-09" };
        var fifteen = SignUpTestData.Under16(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, SignUpValidator.GuardianConsentAge, daysUntilBirthday: 1), Consents = consents };
        var sixteen = SignUpTestData.Adult(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, SignUpValidator.GuardianConsentAge), Consents = consents };

        AssertOnlyErrors(Validate(fifteen), "consents.marketing");
        Assert.True(AssertValid(Validate(sixteen)).MarketingConsent);
    }

    // ---- Doors ----

    [Fact]
    public void Validate_SchoolDoor_RequiresSchoolCodeAndYearGroup()
    {
        var request = SignUpTestData.ForDoor(Door.School, Today) with { SchoolCode = null, YearGroup = null };

        AssertOnlyErrors(Validate(request, Door.School), "schoolCode", "yearGroup");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(13)]
    public void Validate_SchoolYearGroupSevenToThirteen_IsAccepted(int yearGroup)
    {
        var signUp = AssertValid(Validate(SignUpTestData.ForDoor(Door.School, Today) with { YearGroup = yearGroup }, Door.School));

        Assert.Equal(yearGroup, signUp.YearGroup);
        Assert.Equal("ST-TRE-02", signUp.DoorCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(14)]
    [InlineData(int.MaxValue)]
    public void Validate_SchoolYearGroupOutsideSevenToThirteen_IsRefused(int yearGroup)
    {
        AssertOnlyErrors(Validate(SignUpTestData.ForDoor(Door.School, Today) with { YearGroup = yearGroup }, Door.School), "yearGroup");
    }

    [Fact]
    public void Validate_EventDoor_RequiresEventCodeNotAnotherDoorsCode()
    {
        var request = SignUpTestData.Adult(Today) with { SchoolCode = "ST-TRE-02", ProgrammeCode = "VWE-ACUTE" };

        AssertOnlyErrors(Validate(request, Door.Event), "eventCode");
    }

    [Fact]
    public void Validate_ProgrammeDoor_RequiresProgrammeCodeNotAnotherDoorsCode()
    {
        var request = SignUpTestData.Adult(Today) with { SchoolCode = "ST-TRE-02", EventCode = "EV-HANLEY-RR" };

        AssertOnlyErrors(Validate(request, Door.Programme), "programmeCode");
    }

    [Fact]
    public void Validate_WebsiteDoor_NeedsNoCodeAndIgnoresAnyGiven()
    {
        var request = SignUpTestData.Adult(Today) with { SchoolCode = "bad code!", YearGroup = 99, EventCode = "EV-1", ProgrammeCode = "P-1" };

        var signUp = AssertValid(Validate(request, Door.Website));

        Assert.Null(signUp.DoorCode);
        Assert.Null(signUp.YearGroup);
    }

    [Theory]
    [InlineData(Door.School, "schoolCode")]
    [InlineData(Door.Event, "eventCode")]
    [InlineData(Door.Programme, "programmeCode")]
    public void Validate_DoorCode_IsTrimmedAndUpperCased(Door door, string field)
    {
        var request = WithCode(SignUpTestData.ForDoor(door, Today), field, "  ev-hanley-2026 ");

        var signUp = AssertValid(Validate(request, door));

        Assert.Equal("EV-HANLEY-2026", signUp.DoorCode);
    }

    [Theory]
    [InlineData(Door.School, "schoolCode", "ST HAN 01")]
    [InlineData(Door.School, "schoolCode", "ST_HAN_01")]
    [InlineData(Door.Event, "eventCode", "-EV")]
    [InlineData(Door.Event, "eventCode", "EV/1")]
    [InlineData(Door.Event, "eventCode", "ÉV-1")]
    [InlineData(Door.Programme, "programmeCode", "VWE;DROP")]
    [InlineData(Door.Programme, "programmeCode", "VWE\u0000")]
    [InlineData(Door.Programme, "programmeCode", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Validate_DoorCodeWithOtherCharactersOrTooLong_IsRefused(Door door, string field, string code)
    {
        AssertOnlyErrors(Validate(WithCode(SignUpTestData.ForDoor(door, Today), field, code), door), field);
    }

    [Fact]
    public void Validate_DoorCodeOf32Characters_IsAccepted()
    {
        var code = new string('A', 31) + "1";

        Assert.Equal(code, AssertValid(Validate(SignUpTestData.Adult(Today) with { EventCode = code }, Door.Event)).DoorCode);
    }

    private static SignUpRequest WithCode(SignUpRequest request, string field, string code) => field switch
    {
        "schoolCode" => request with { SchoolCode = code },
        "eventCode" => request with { EventCode = code },
        "programmeCode" => request with { ProgrammeCode = code },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    // ---- Guardians ----

    [Theory]
    [InlineData(Door.Website)]
    [InlineData(Door.School)]
    public void Validate_Under16WithGuardianEmail_IsAcceptedAndNeedsGuardianConsent(Door door)
    {
        var request = SignUpTestData.ForDoor(door, Today) with
        {
            DateOfBirth = SignUpTestData.BirthdayIn(Today, 14, daysUntilBirthday: 30),
            GuardianEmail = "  Parent.Smith@example.org ",
            YearGroup = door == Door.School ? 9 : null,
        };

        var signUp = AssertValid(Validate(request, door));

        Assert.Equal("Parent.Smith@example.org", signUp.GuardianEmail);
        Assert.True(signUp.NeedsGuardianConsent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("parent@")]
    public void Validate_Under16WithoutAValidGuardianEmail_IsRefused(string? guardianEmail)
    {
        AssertOnlyErrors(Validate(SignUpTestData.Under16(Today) with { GuardianEmail = guardianEmail }), "guardianEmail");
    }

    [Theory]
    [InlineData("amelia.smith@example.org")]
    [InlineData("AMELIA.SMITH@EXAMPLE.ORG")]
    [InlineData("  Amelia.Smith@Example.org  ")]
    public void Validate_Under16WhoseGuardianEmailIsTheirOwn_IsRefused(string guardianEmail)
    {
        var request = SignUpTestData.Under16(Today) with { Email = "amelia.smith@example.org", GuardianEmail = guardianEmail };

        AssertOnlyErrors(Validate(request), "guardianEmail");
    }

    [Fact]
    public void Validate_Turns16TomorrowWithoutGuardian_IsRefused()
    {
        var request = SignUpTestData.Adult(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, SignUpValidator.GuardianConsentAge, daysUntilBirthday: 1) };

        AssertOnlyErrors(Validate(request), "guardianEmail");
    }

    [Fact]
    public void Validate_Turns16TodayWithoutGuardian_IsAccepted()
    {
        var request = SignUpTestData.Adult(Today) with { DateOfBirth = SignUpTestData.BirthdayIn(Today, SignUpValidator.GuardianConsentAge) };

        var signUp = AssertValid(Validate(request));

        Assert.Null(signUp.GuardianEmail);
        Assert.False(signUp.NeedsGuardianConsent);
    }

    [Fact]
    public void Validate_Over16WithGuardianEmail_DoesNotKeepIt()
    {
        var request = SignUpTestData.Adult(Today) with { GuardianEmail = "parent.smith@example.org" };

        var signUp = AssertValid(Validate(request));

        Assert.Null(signUp.GuardianEmail);
        Assert.False(signUp.NeedsGuardianConsent);
    }

    [Fact]
    public void Validate_InvalidDateOfBirth_DoesNotAlsoDemandAGuardian()
    {
        var request = SignUpTestData.Adult(Today) with { DateOfBirth = "not a date", GuardianEmail = null, Consents = new ConsentAnswers { Contact = true, Marketing = true, WordingVersion = "v1" } };

        AssertOnlyErrors(Validate(request), "dateOfBirth");
    }

    [Fact]
    public void Validate_Under16WhoseGuardianEmailIsTheirOwnInAngleBrackets_IsRefused()
    {
        var request = SignUpTestData.Under16(Today) with { Email = "amelia.smith@example.org", GuardianEmail = "<amelia.smith@example.org>" };

        Assert.Null(Validate(request).SignUp);
    }
}
