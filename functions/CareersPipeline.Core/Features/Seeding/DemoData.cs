using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.Features.Seeding;

/// <summary>
/// Realistic demo data for one English ICS (Staffordshire and Stoke-on-Trent). Organisations and places are
/// real public names; every person is invented, and their emails use example.org, which cannot receive mail.
/// </summary>
public static class DemoData
{
    public static IReadOnlyList<ReferenceItem> Employers { get; } =
    [
        new(ReferenceKind.Employer, "UHNM", "University Hospitals of North Midlands NHS Trust", "ST4 6QG", "Acute trust; levy payer"),
        new(ReferenceKind.Employer, "MPFT", "Midlands Partnership University NHS Foundation Trust", "ST16 3SR", "Community and mental health trust; levy payer"),
        new(ReferenceKind.Employer, "NSCHT", "North Staffordshire Combined Healthcare NHS Trust", "ST6 8BG", "Mental health trust; levy payer"),
        new(ReferenceKind.Employer, "WMAS", "West Midlands Ambulance Service University NHS Foundation Trust", "WV10 9BS", "Ambulance trust; levy payer"),
        new(ReferenceKind.Employer, "HANLEY-HC", "Hanley Health Centre GP Practice", "ST1 1HD", "GP practice"),
        new(ReferenceKind.Employer, "MEADOW-CARE", "Meadow View Care Home", "ST5 2LY", "Care home; small employer"),
        new(ReferenceKind.Employer, "HOMECARE-ST", "Potteries Home Care", "ST3 1PQ", "Home-care agency; small employer"),
        new(ReferenceKind.Employer, "VAST", "Voluntary Action Stoke-on-Trent", "ST1 3DN", "Charity"),
    ];

    public static IReadOnlyList<ReferenceItem> Schools { get; } =
    [
        new(ReferenceKind.School, "ST-HAN-01", "Haywood Academy", "ST6 6LP", "Secondary school, 11-16"),
        new(ReferenceKind.School, "ST-TRE-02", "Trentham Academy", "ST4 8PQ", "Secondary school, 11-18"),
        new(ReferenceKind.School, "ST-NEW-03", "Newcastle-under-Lyme College", "ST5 2GB", "Further education college"),
        new(ReferenceKind.School, "ST-STA-04", "Stafford College", "ST16 2QR", "Further education college"),
        new(ReferenceKind.School, "ST-BUR-05", "Burton and South Derbyshire College", "DE14 3RL", "Further education college"),
    ];

    public static IReadOnlyList<ReferenceItem> Events(DateOnly today) =>
    [
        new(ReferenceKind.Event, "EV-HANLEY-RR", "Hanley recruitment day: care, support and admin roles", "ST1 1HR", "Victoria Hall, Hanley: walk in, one interview for several roles", today.AddDays(14)),
        new(ReferenceKind.Event, "EV-STAFFORD-CF", "Stafford health and care careers fair", "ST16 2DH", "Gatehouse Theatre, Stafford", today.AddDays(30)),
        new(ReferenceKind.Event, "EV-BURTON-CR", "Burton community recruitment event", "DE14 1AA", "Burton Town Hall, with interpreters for Polish, Urdu and Ukrainian", today.AddDays(45)),
    ];

    public static IReadOnlyList<ReferenceItem> Programmes(DateOnly today) =>
    [
        new(ReferenceKind.Programme, "VWE-PRIMARY", "Virtual work experience: primary care", "ST1 1HD", "Six online sessions with a GP practice team", today.AddDays(21)),
        new(ReferenceKind.Programme, "VWE-ACUTE", "Virtual work experience: hospital (acute) care", "ST4 6QG", "Six online sessions across wards, theatres and labs", today.AddDays(35)),
        new(ReferenceKind.Programme, "VWE-MATERNITY", "Virtual work experience: maternity", "ST4 6QG", "Four online sessions with midwives and maternity support workers", today.AddDays(49)),
    ];

    /// <summary>
    /// Staff to act as with the local development sign-in (header X-Dev-User: the subject id). In Azure the subject
    /// id is the person's Entra ID object id.
    /// </summary>
    public static IReadOnlyList<StaffPrincipal> Staff { get; } =
    [
        new("employer-uhnm", "Priya Shah (UHNM apprenticeships lead)", new HashSet<StaffRole> { StaffRole.Employer }, new HashSet<string> { "UHNM" }),
        new("employer-mpft", "Tom Baker (MPFT resourcing)", new HashSet<StaffRole> { StaffRole.Employer }, new HashSet<string> { "MPFT" }),
        new("employer-meadow", "Jo Clarke (Meadow View Care Home manager)", new HashSet<StaffRole> { StaffRole.Employer }, new HashSet<string> { "MEADOW-CARE" }),
        new("employer-potteries", "Sam Green (primary care and home care recruiter)", new HashSet<StaffRole> { StaffRole.Employer }, new HashSet<string> { "HANLEY-HC", "HOMECARE-ST" }),
        new("adviser-amina", "Amina Yusuf (outreach adviser)", new HashSet<StaffRole> { StaffRole.Adviser }, new HashSet<string>()),
        new("admin-ics", "ICS people team admin", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>()),
    ];

    private static readonly string[] FirstNames = ["Amelia", "Oliver", "Aisha", "Mohammed", "Olena", "Dmytro", "Grace", "Harry", "Zainab", "Kacper", "Priya", "Jack", "Hana", "Yusuf", "Sophie", "Daniel", "Mariam", "Leo", "Fatima", "Ryan"];
    private static readonly string[] LastNames = ["Smith", "Khan", "Kovalenko", "Ahmed", "Jones", "Nowak", "Patel", "Brown", "Hussain", "Shevchenko", "Wilson", "Ali", "Taylor", "Begum", "Evans"];
    // What most people who sign up say first, so the demo's first interests follow the jobs there are most of.
    private static readonly string[] PopularFamilies = ["Nursing", "SocialCare", "Nursing", "AlliedHealthProfessions", "Midwifery", "Pharmacy", "WiderHealthcareTeam", "AmbulanceService", "NotSureYet"];

    private static readonly string[] Postcodes = ["ST1 1HR", "ST4 6QG", "ST6 8BG", "ST5 2LY", "ST3 1PQ", "ST16 2DH", "ST17 4JH", "DE14 1AA", "WS13 6QN", "ST10 1JT", "ST13 5ED", "ST7 2UL"];

    /// <summary>Applicants through every door, deterministic so a re-seed finds the same people (and stores none twice).</summary>
    public static IReadOnlyList<(Door Door, SignUpRequest Request)> Applicants(DateOnly today, int count)
    {
        var random = new Random(20261122);
        var doors = Enum.GetValues<Door>();
        var families = Enum.GetNames<CareerFamily>();
        var result = new List<(Door, SignUpRequest)>(count);
        for (var i = 0; i < count; i++)
        {
            var door = doors[i % doors.Length];
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var age = door == Door.School ? 14 + random.Next(4) : 17 + random.Next(40);
            var dob = today.AddYears(-age).AddDays(-random.Next(1, 360));
            var under16 = SignUpValidator.AgeOn(dob, today) < SignUpValidator.GuardianConsentAge;
            var situation = door == Door.School ? CurrentSituation.InEducation : (CurrentSituation)random.Next(4);
            var supportNeeds = random.Next(5) == 0
                ? new[] { nameof(SupportNeed.EnglishLanguage), nameof(SupportNeed.QualificationRecognition) }
                : [];
            var rightToWork = supportNeeds.Length > 0 && random.Next(2) == 0 ? RightToWork.AwaitingDecision : RightToWork.Yes;

            var request = new SignUpRequest
            {
                FirstName = first,
                LastName = last,
                Email = $"{first}.{last}.{i}@example.org".ToLowerInvariant(),
                Phone = random.Next(2) == 0 ? $"07700 900{random.Next(1000):D3}" : null,
                DateOfBirth = dob.ToString("yyyy-MM-dd"),
                Postcode = Postcodes[random.Next(Postcodes.Length)],
                CareerInterests = [PopularFamilies[random.Next(PopularFamilies.Length)], families[1 + random.Next(families.Length - 1)]],
                CurrentSituation = situation.ToString(),
                QualificationLevel = ((QualificationLevel)random.Next(1, 7)).ToString(),
                RightToWork = rightToWork.ToString(),
                SupportNeeds = supportNeeds,
                PreferredLanguage = supportNeeds.Length > 0 ? (random.Next(2) == 0 ? "uk" : "ar") : "en",
                Consents = new ConsentAnswers { Contact = true, Marketing = !under16 && random.Next(2) == 0, WordingVersion = "2026-09" },
                SchoolCode = door == Door.School ? Schools[random.Next(Schools.Count)].Code : null,
                YearGroup = door == Door.School ? Math.Clamp(age - 4, 7, 13) : null,
                GuardianEmail = under16 ? $"guardian.{last}.{i}@example.org".ToLowerInvariant() : null,
                EventCode = door == Door.Event ? Events(today)[random.Next(3)].Code : null,
                ProgrammeCode = door == Door.Programme ? Programmes(today)[random.Next(3)].Code : null,
            };
            result.Add((door, request));
        }

        return result;
    }
}
