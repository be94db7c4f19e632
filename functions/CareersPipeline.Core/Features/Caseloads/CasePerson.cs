using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>What an adviser needs to know about the person behind a case, from their sign-up.</summary>
public sealed record CasePerson(
    string ApplicantId,
    string FirstName,
    string LastName,
    string Door,
    JourneyRoute? Route,
    string Stage,
    DateTimeOffset SignedUpAt,
    string SupportNeeds,
    string PreferredLanguage,
    string RightToWork);
