using CareersPipeline.Core.Messages;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// What a person does with their matches through the link in a match email: see them with the reasons, save and
/// unsave, say how far they will travel and whether they drive, stop or restart match emails. Preference changes
/// ask for matching again (the match-people queue), so the page shows the new matches moments later.
/// </summary>
public sealed class PersonMatches(
    MatchLinks links,
    MatchProfiles profiles,
    MatchStore store,
    CandidateIndexCache candidates,
    MatchRequests requests,
    ConsentLedger consents,
    TimeProvider time)
{
    /// <summary>The consent wording shown beside "Email me about matches again" on the matches page.</summary>
    public const string ResubscribeWordingVersion = "matches-page-2026-12";

    public Task<(LinkResult Result, ApplicantEntity? Applicant)> ResolveAsync(string? token, bool unsubscribeLink, CancellationToken cancellationToken) =>
        links.ResolveAsync(token, unsubscribeLink, cancellationToken);

    public async Task<MatchesView> ViewAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        var today = Today();
        var person = await profiles.ResolveAsync(applicant.PartitionKey, cancellationToken);
        var record = person is null ? null : await store.FindAsync(person.PersonKey, cancellationToken);
        var profile = person is null ? null : MatchProfiles.From(person.Applicant, record);
        var index = await candidates.GetAsync(cancellationToken);
        var saved = record?.SavedIds() ?? new HashSet<string>();
        var matches = (record?.Matches() ?? []).Where(m => m.ClosesOn >= today).ToList();
        var savedElsewhere = saved.Where(id => matches.All(m => m.CandidateId != id)).Select(index.Find).OfType<MatchCandidate>()
            .Select(c => new SavedItem(c.Id, c.Title, c.OrganisationName, c.OpenUntil)).ToList();
        var contact = await consents.CurrentAsync(applicant, ConsentPurpose.Contact, cancellationToken);
        return new MatchesView(
            applicant.FirstName,
            profile?.Route,
            profile?.Location is not null,
            [.. matches.Select(m => new MatchItem(m, m.ExplanationOn(today), saved.Contains(m.CandidateId)))],
            savedElsewhere,
            new MatchPreferences(profile?.TravelMiles, profile?.DrivingLicence, profile is null ? null : TravelDistances.DefaultFor(profile.Route)),
            profile is null ? new Dictionary<MatchExclusion, int>() : MatchInsights.NearbyExclusions(profile, index.Candidates, today),
            contact?.Granted == true,
            record?.ComputedAt);
    }

    public async Task<SaveOutcome> SaveAsync(ApplicantEntity applicant, string candidateId, bool save, CancellationToken cancellationToken)
    {
        if (await profiles.ResolveAsync(applicant.PartitionKey, cancellationToken) is not { } person)
        {
            return SaveOutcome.NotActive;
        }

        if (save && (await candidates.GetAsync(cancellationToken)).Find(candidateId) is null)
        {
            return SaveOutcome.NotOpen;
        }

        await store.ChangeAsync(person.PersonKey, r =>
        {
            var ids = r.SavedIds().ToHashSet(StringComparer.Ordinal);
            if (!(save ? ids.Add(candidateId) : ids.Remove(candidateId)))
            {
                return false;
            }

            r.SetSaved(ids);
            return true;
        }, cancellationToken);

        if (save)
        {
            await store.UpsertSaveAsync(new MatchSaveEntity { PartitionKey = candidateId, RowKey = person.PersonKey, ApplicantId = person.Applicant.PartitionKey, SavedAt = time.GetUtcNow() }, cancellationToken);
        }
        else
        {
            await store.DeleteSaveAsync(candidateId, person.PersonKey, cancellationToken);
        }

        return SaveOutcome.Done;
    }

    /// <summary>Sets the person's preferences (a null leaves one as it is) and asks for their matches again.</summary>
    public async Task<PreferencesOutcome> SetPreferencesAsync(ApplicantEntity applicant, PreferencesChange change, CancellationToken cancellationToken)
    {
        if (change.Validate() is { Count: > 0 } errors)
        {
            return new PreferencesOutcome.Invalid(errors);
        }

        if (await profiles.ResolveAsync(applicant.PartitionKey, cancellationToken) is not { } person)
        {
            return new PreferencesOutcome.NotActive();
        }

        await store.ChangeAsync(person.PersonKey, r =>
        {
            var before = (r.TravelMiles, r.DrivingLicence);
            r.ApplicantId = person.Applicant.PartitionKey;
            r.TravelMiles = change.TravelMiles ?? r.TravelMiles;
            r.DrivingLicence = change.DrivingLicence ?? r.DrivingLicence;
            return (r.TravelMiles, r.DrivingLicence) != before || r.ETag == default;
        }, cancellationToken);
        await requests.PersonAsync(person.Applicant.PartitionKey, cancellationToken);
        return new PreferencesOutcome.Saved();
    }

    /// <summary>The one-click unsubscribe: withdraws the Contact consent, which every match email needs. False when already withdrawn.</summary>
    public Task<bool> UnsubscribeAsync(ApplicantEntity applicant, CancellationToken cancellationToken) =>
        consents.SetAsync(applicant, ConsentPurpose.Contact, false, ConsentWording.Current, new ConsentActor(ConsentGivenBy.Person, ConsentChannel.Unsubscribe), cancellationToken);

    public Task<bool> ResubscribeAsync(ApplicantEntity applicant, CancellationToken cancellationToken) =>
        consents.SetAsync(applicant, ConsentPurpose.Contact, true, ResubscribeWordingVersion, ConsentActor.PersonByEmailLink, cancellationToken);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

/// <summary>A person's matches page.</summary>
public sealed record MatchesView(
    string FirstName,
    JourneyRoute? Route,
    bool Placed,
    IReadOnlyList<MatchItem> Matches,
    IReadOnlyList<SavedItem> SavedElsewhere,
    MatchPreferences Preferences,
    IReadOnlyDictionary<MatchExclusion, int> NearbyExclusions,
    bool MatchEmails,
    DateTimeOffset? ComputedAt);

public sealed record MatchItem(Match Match, string Explanation, bool Saved);

/// <summary>Something the person saved that is no longer among their best matches, but still open.</summary>
public sealed record SavedItem(string CandidateId, string Title, string OrganisationName, DateOnly ClosesOn);

/// <summary>How far they will travel (null: the route's default, <paramref name="DefaultTravelMiles"/>) and whether they drive.</summary>
public sealed record MatchPreferences(int? TravelMiles, bool? DrivingLicence, int? DefaultTravelMiles);

/// <summary>A change of preferences, from a form or JSON: every field optional.</summary>
public sealed record PreferencesChange(int? TravelMiles, bool? DrivingLicence)
{
    public Dictionary<string, string[]> Validate() =>
        TravelMiles is { } miles && (miles < TravelDistances.MinimumMiles || miles > TravelDistances.MaximumMiles)
            ? new() { ["travelMiles"] = [$"Give a distance from {TravelDistances.MinimumMiles} to {TravelDistances.MaximumMiles} miles."] }
            : [];
}

public enum SaveOutcome
{
    Done,

    /// <summary>The person has no active sign-up (for example, an under-16 still waiting for their guardian).</summary>
    NotActive,

    /// <summary>There is no open candidate with that id.</summary>
    NotOpen,
}

public abstract record PreferencesOutcome
{
    public sealed record Saved : PreferencesOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : PreferencesOutcome;

    public sealed record NotActive : PreferencesOutcome;
}
