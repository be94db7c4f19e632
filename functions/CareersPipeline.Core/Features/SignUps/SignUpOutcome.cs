namespace CareersPipeline.Core.Features.SignUps;

/// <summary>What happened to a submitted sign-up; the HTTP layer turns each case into a response.</summary>
public abstract record SignUpOutcome
{
    private SignUpOutcome()
    {
    }

    /// <summary>Stored and queued. The same whether or not the address was known: nothing here tells the two apart.</summary>
    public sealed record Accepted(string ApplicantId) : SignUpOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SignUpOutcome;

    /// <summary>The school, event or programme code names nothing we know.</summary>
    public sealed record UnknownCode(string Field, string Message) : SignUpOutcome;

    /// <summary>The code is known but retired: that school, event or programme no longer takes sign-ups.</summary>
    public sealed record RetiredCode(string Field, string Message) : SignUpOutcome;
}
