namespace CareersPipeline.Core.People;

public enum LinkResult
{
    Done,
    AlreadyDone,
    Expired,
    Invalid,
    NotFound,
}
