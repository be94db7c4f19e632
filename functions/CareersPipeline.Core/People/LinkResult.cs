namespace CareersPipeline.Core.People;

public enum LinkResult
{
    Done,
    AlreadyDone,
    Expired,
    Invalid,
    NotFound,

    /// <summary>The link was good once, but the person has since signed out everywhere (or asked for new links).</summary>
    Revoked,
}
