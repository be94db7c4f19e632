namespace CareersPipeline.Core.People;

/// <summary>Applicant ids are "a" and 24 lower-case hex digits; anything else is refused before it reaches storage.</summary>
public static partial class ApplicantIds
{
    public static bool IsWellFormed(string? id) => id is not null && IdRegex().IsMatch(id);

    [System.Text.RegularExpressions.GeneratedRegex(@"^a[0-9a-f]{24}\z")]
    private static partial System.Text.RegularExpressions.Regex IdRegex();
}
