namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>The kinds of line on a case's timeline. Everything that changed the case is a line, so the history keeps both sides of a change.</summary>
public enum CaseEntryKind
{
    Taken,
    Assigned,
    Intervention,
    Outcome,
    Engaged,
    RouteChanged,
    NextAction,
    StatusChanged,

    /// <summary>A partner organisation referred the person (before any case: the first line once one is opened).</summary>
    Referred,

    /// <summary>An adviser registered the person with them (languages, interpreter, right-to-work evidence type, needs).</summary>
    Registered,
}
