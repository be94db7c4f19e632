using CareersPipeline.Core.Features.ReferenceData;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.Features.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Seeding;

/// <summary>Fills storage with the demo data. Safe to run again: reference data is upserted and sign-ups are idempotent.</summary>
public sealed class DemoSeeder(StorageProvisioner provisioner, ReferenceDataStore referenceData, StaffDirectory staff, DemoOpportunities opportunities, LevyTransfers.DemoPledges pledges, SignUpService signUps, TimeProvider time)
{
    public async Task<SeedSummary> SeedAsync(int applicantCount, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report("Creating tables, queues and containers");
        await provisioner.EnsureCreatedAsync(cancellationToken);

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
        var applicants = DemoData.Applicants(today, applicantCount);
        for (var i = 0; i < applicants.Count; i++)
        {
            var (door, request) = applicants[i];
            var outcome = await signUps.SubmitAsync(door, request, cancellationToken);
            if (outcome is not SignUpOutcome.Accepted accepted)
            {
                throw new InvalidOperationException($"Demo applicant {i} was refused: {outcome}");
            }

            if (!accepted.Repeat)
            {
                added++;
            }

            if ((i + 1) % 10 == 0 || i + 1 == applicants.Count)
            {
                progress.Report($"Applicants: {i + 1}/{applicants.Count} submitted ({added} new)");
            }
        }

        return new SeedSummary(reference.Count, applicants.Count, added);
    }
}

public sealed record SeedSummary(int ReferenceItems, int Applicants, int NewApplicants);
