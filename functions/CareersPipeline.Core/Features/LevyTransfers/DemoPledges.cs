using System.Globalization;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>Demo levy pledges from two trusts, and a care home's application waiting on one. Seeding again adds nothing.</summary>
public sealed class DemoPledges(PledgeService pledges, PledgeApplicationService applications, LevyStore store, TimeProvider time)
{
    private static readonly StaffPrincipal Seeder = new("system:seed", "Demo data", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>());

    public static IReadOnlyList<PledgeInput> Inputs(DateOnly today) =>
    [
        new()
        {
            EmployerCode = "UHNM",
            Amount = 50_000m,
            Levels = [2, 3],
            CareerFamilies = ["SocialCare", "WiderHealthcareTeam"],
            Routes = ["Care services", "Health and science"],
            Locations = [new PledgeLocationInput("Stoke-on-Trent and Newcastle-under-Lyme", "ST4 6QG", 52.9945, -2.2139, 15)],
            NamePublic = true,
            AutoApproval = nameof(AutoApproval.Delayed),
            ClosesOn = Date(today.AddDays(180)),
            ContactName = "Priya Shah",
            ContactEmail = "priya.shah@example.org",
        },
        new()
        {
            EmployerCode = "MPFT",
            Amount = 20_000m,
            AutoApproval = nameof(AutoApproval.Immediate),
            ClosesOn = Date(today.AddDays(120)),
            ContactName = "Tom Baker",
            ContactEmail = "tom.baker@example.org",
        },
    ];

    public static ApplicationInput DemoApplication(DateOnly today) => new()
    {
        EmployerCode = "MEADOW-CARE",
        Standard = new StandardInput("Adult care worker", 650, 2, "Care services", "SocialCare", 12, 6_000m),
        NumberOfApprentices = 2,
        StartDate = Date(today),
        Postcodes = ["ST5 2LY"],
        Details = "Two care worker apprentices for our dementia unit, each with a senior carer as mentor and a day a week for study.",
        ContactName = "Jo Clarke",
        ContactEmail = "jo.clarke@example.org",
    };

    public async Task<int> SeedAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var inputs = Inputs(today);
        var added = 0;
        foreach (var input in inputs)
        {
            var existing = await store.PledgesAsync(TableFilters.Equal("EmployerCode", input.EmployerCode!), cancellationToken);
            if (existing.Any(p => p.Value.CreatedBy == Seeder.SubjectId))
            {
                continue;
            }

            if (await pledges.CreateAsync(Seeder, input, cancellationToken) is not Result<PledgeView>.Ok created)
            {
                throw new InvalidOperationException($"The demo pledge of {input.EmployerCode} was refused.");
            }

            if (input.EmployerCode == "UHNM"
                && await applications.ApplyAsync(Seeder, created.Value.Id, DemoApplication(today), cancellationToken) is not Result<ApplicationView>.Ok)
            {
                throw new InvalidOperationException("The demo levy application was refused.");
            }

            added++;
        }

        progress.Report($"Levy pledges: {inputs.Count} ({added} new)");
        return added;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
