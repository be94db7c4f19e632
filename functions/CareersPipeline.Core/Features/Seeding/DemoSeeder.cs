using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Seeding;

/// <summary>
/// Fills storage with the demo data, and refuses to touch storage that holds real sign-ups. Safe to run again: reference
/// data is upserted, and a demo person whose address already has a sign-up is not signed up again. Two in three demo
/// people confirm their email address (as the link in their email does), so that match emails reach the outbox; the
/// people on the supported route are put on the demo adviser's caseload.
/// </summary>
public sealed class DemoSeeder(
    StorageProvisioner provisioner,
    ReferenceDataStore referenceData,
    StaffDirectory staff,
    DemoOpportunities opportunities,
    LevyTransfers.DemoPledges pledges,
    SignUpService signUps,
    SignUpVerification verification,
    PersonDirectory directory,
    ApplicantStore applicants,
    Caseloads.CaseloadStore caseloads,
    RealDataCheck realData,
    TimeProvider time)
{
    /// <summary>The one line <c>seed</c> prints when it refuses (see <see cref="RealDataCheck"/>).</summary>
    public const string RefusalMessage = "this storage holds real sign-ups (applicants whose email is not on an example domain); seed is for demo data only and changed nothing.";

    /// <summary>The demo outreach adviser, whose caseload holds the demo people on the supported route.</summary>
    public const string DemoAdviser = "adviser-amina";

    public async Task<SeedSummary> SeedAsync(int applicantCount, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report("Creating tables, queues and containers");
        await provisioner.EnsureCreatedAsync(cancellationToken);
        if (await realData.HoldsRealSignUpsAsync(cancellationToken))
        {
            throw new InvalidOperationException(RefusalMessage);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        IReadOnlyList<ReferenceItem> reference = [.. DemoData.Employers, .. DemoData.Schools, .. DemoData.Events(today), .. DemoData.Programmes(today)];
        foreach (var group in reference.GroupBy(r => r.Kind))
        {
            foreach (var item in group)
            {
                await referenceData.UpsertAsync(item, cancellationToken);
            }

            progress.Report($"{group.Key}s: {group.Count()}");
        }

        foreach (var member in DemoData.Staff)
        {
            await staff.UpsertAsync(member, cancellationToken);
        }

        progress.Report($"Staff: {DemoData.Staff.Count}");
        await opportunities.SeedAsync(progress, cancellationToken);
        await pledges.SeedAsync(progress, cancellationToken);

        var added = 0;
        var people = DemoData.Applicants(today, applicantCount);
        for (var i = 0; i < people.Count; i++)
        {
            var (door, request) = people[i];
            if ((await directory.SignUpsOfAsync(request.Email!, cancellationToken)).Count > 0)
            {
                continue;
            }

            var outcome = await signUps.SubmitAsync(door, request, cancellationToken);
            if (outcome is not SignUpOutcome.Accepted accepted)
            {
                throw new InvalidOperationException($"Demo applicant {i} was refused: {outcome}");
            }

            added++;
            if (i % 3 != 2 && await applicants.FindAsync(accepted.ApplicantId, cancellationToken) is { } applicant)
            {
                await verification.VerifyAsync(applicant, cancellationToken);
            }

            if (RouteOf(door, request) == JourneyRoute.SeldomHeardSupported)
            {
                await caseloads.AddAsync(DemoAdviser, accepted.ApplicantId, time.GetUtcNow(), cancellationToken);
            }

            if ((i + 1) % 10 == 0 || i + 1 == people.Count)
            {
                progress.Report($"Applicants: {i + 1}/{people.Count} submitted ({added} new)");
            }
        }

        return new SeedSummary(reference.Count, people.Count, added);
    }

    private static JourneyRoute RouteOf(Door door, SignUpRequest request) => JourneyRouter.Assign(
        door,
        Enum.Parse<CurrentSituation>(request.CurrentSituation!),
        Enum.Parse<RightToWork>(request.RightToWork!),
        [.. (request.SupportNeeds ?? []).Select(Enum.Parse<SupportNeed>)]).Route;
}

public sealed record SeedSummary(int ReferenceItems, int Applicants, int NewApplicants);
