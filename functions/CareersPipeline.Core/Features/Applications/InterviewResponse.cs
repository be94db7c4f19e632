namespace CareersPipeline.Core.Features.Applications;

public enum InterviewResponse
{
    Awaiting,
    Accepted,
    AnotherTimeAsked,
}
