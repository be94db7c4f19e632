namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>The outcome of a staff action on an opportunity; the HTTP layer maps each case to a status code.</summary>
public abstract record OpportunityResult
{
    private OpportunityResult()
    {
    }

    public sealed record Ok(Opportunity Opportunity) : OpportunityResult;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : OpportunityResult;

    /// <summary>Not there, or not the caller's: the two are not told apart, so ids of other employers' drafts do not leak.</summary>
    public sealed record NotFound : OpportunityResult;

    public sealed record Forbidden(string Reason) : OpportunityResult;

    /// <summary>An illegal lifecycle move, or a concurrent change.</summary>
    public sealed record Conflict(string Reason) : OpportunityResult;
}
