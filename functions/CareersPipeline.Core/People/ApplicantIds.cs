namespace CareersPipeline.Core.People;

/// <summary>
/// Applicant ids are "a" and 24 lower-case hex digits, random (nothing about the person can be learnt or guessed from
/// one); anything else is refused before it reaches storage.
/// </summary>
public static partial class ApplicantIds
{
    public static string New() => "a" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    public static bool IsWellFormed(string? id) => id is not null && IdRegex().IsMatch(id);

    [System.Text.RegularExpressions.GeneratedRegex(@"^a[0-9a-f]{24}\z")]
    private static partial System.Text.RegularExpressions.Regex IdRegex();
}
