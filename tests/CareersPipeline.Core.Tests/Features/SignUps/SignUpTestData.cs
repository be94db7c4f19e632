using System.Globalization;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Core.Tests.Features.SignUps;

/// <summary>Sign-up requests and applicants for unit tests, valid unless a test changes them. Ages are derived from the clock.</summary>
internal static class SignUpTestData
{
    /// <summary>The links made as the app makes them; unit tests only make and read tokens, so storage is never reached.</summary>
    public static PersonLinks Links(SignedTokens tokens) =>
        new(tokens, new ApplicantStore(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true")));

    /// <summary>The subject a link about this sign-up carries.</summary>
    public static string Subject(ApplicantEntity applicant) => $"{applicant.PartitionKey}.{applicant.LinkStamp}";

    /// <summary>A mid-morning UTC instant, so "today" is the same date in UTC and in the UK.</summary>
    public static readonly DateTimeOffset Now = new(2026, 5, 12, 9, 30, 0, TimeSpan.Zero);

    public const string ApplicantId = "a0123456789abcdef01234567";

    public static FakeTimeProvider Clock(DateTimeOffset? now = null) => new(now ?? Now);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Date of birth (as sent) of someone whose <paramref name="age"/>th birthday is <paramref name="today"/> plus <paramref name="daysUntilBirthday"/>.</summary>
    public static string BirthdayIn(DateOnly today, int age, int daysUntilBirthday = 0) => Iso(today.AddDays(daysUntilBirthday).AddYears(-age));

    public static SignUpRequest Adult(DateOnly today) => new()
    {
        FirstName = "Amelia",
        LastName = "Smith",
        Email = "amelia.smith@example.org",
        DateOfBirth = BirthdayIn(today, 30, daysUntilBirthday: 100),
        Postcode = "ST4 6QG",
        CareerInterests = ["Nursing"],
        CurrentSituation = "EmployedElsewhere",
        QualificationLevel = "Level3",
        RightToWork = "Yes",
        Consents = new ConsentAnswers { Contact = true, Marketing = false, WordingVersion = "2026-09" },
    };

    /// <summary>Fourteen years old, with a parent's address.</summary>
    public static SignUpRequest Under16(DateOnly today) => Adult(today) with
    {
        DateOfBirth = BirthdayIn(today, 14, daysUntilBirthday: 100),
        CurrentSituation = "InEducation",
        GuardianEmail = "parent.smith@example.org",
    };

    /// <summary>A valid adult request with the extra fields of <paramref name="door"/>.</summary>
    public static SignUpRequest ForDoor(Door door, DateOnly today) => door switch
    {
        Door.School => Adult(today) with { DateOfBirth = BirthdayIn(today, 17, daysUntilBirthday: 100), CurrentSituation = "InEducation", SchoolCode = "ST-TRE-02", YearGroup = 12 },
        Door.Event => Adult(today) with { EventCode = "EV-HANLEY-RR" },
        Door.Programme => Adult(today) with { ProgrammeCode = "VWE-ACUTE" },
        _ => Adult(today),
    };

    /// <summary>A stored adult applicant as the sign-up service writes it, before processing.</summary>
    public static ApplicantEntity Applicant() => new()
    {
        PartitionKey = ApplicantId,
        Door = nameof(Door.Website),
        FirstName = "Amelia",
        LastName = "Smith",
        Email = "amelia.smith@example.org",
        DateOfBirth = "1996-02-01",
        Postcode = "ST4 6QG",
        CareerInterests = "Nursing",
        CurrentSituation = nameof(CurrentSituation.Unemployed),
        QualificationLevel = nameof(QualificationLevel.Level2),
        RightToWork = nameof(RightToWork.Yes),
        SupportNeeds = string.Empty,
        ContactConsent = true,
        ConsentWordingVersion = "2026-09",
        ConsentedAt = Now,
        Status = nameof(ApplicantStatus.Received),
        Stage = "SignedUp",
        CreatedAt = Now,
    };

    /// <summary>A stored under-16 applicant whose guardian has not answered yet.</summary>
    public static ApplicantEntity Under16Applicant()
    {
        var applicant = Applicant();
        applicant.Door = nameof(Door.School);
        applicant.DoorCode = "ST-TRE-02";
        applicant.YearGroup = 10;
        applicant.DateOfBirth = "2011-09-01";
        applicant.CurrentSituation = nameof(CurrentSituation.InEducation);
        applicant.GuardianEmail = "parent.smith@example.org";
        return applicant;
    }
}
