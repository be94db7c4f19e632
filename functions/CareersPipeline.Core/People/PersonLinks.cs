using System.Security.Cryptography;

namespace CareersPipeline.Core.People;

/// <summary>
/// The one way to make and read the signed links in emails about a sign-up (verify, guardian consent, manage data,
/// equality form, matches). A token's subject is "{applicant id}.{link stamp}": the stamp is a random value held on
/// the sign-up, so changing it (erasure, "sign me out everywhere") revokes every link already sent, and a new sign-up
/// after an erasure, having a new random id and stamp, is never opened by an old link.
/// </summary>
public sealed class PersonLinks(SignedTokens tokens, ApplicantStore applicants)
{
    public string Token(string purpose, ApplicantEntity applicant, TimeSpan lifetime) =>
        tokens.Create(purpose, $"{applicant.PartitionKey}.{applicant.LinkStamp}", lifetime);

    /// <summary>The token in a URL's query string.</summary>
    public string Query(string purpose, ApplicantEntity applicant, TimeSpan lifetime) =>
        "token=" + Uri.EscapeDataString(Token(purpose, applicant, lifetime));

    public async Task<(LinkResult Result, ApplicantEntity? Applicant)> ResolveAsync(string purpose, string? token, CancellationToken cancellationToken)
    {
        var check = tokens.Read(purpose, token);
        if (check.State == TokenState.Invalid || check.Subject!.Split('.') is not [var applicantId, var stamp] || !ApplicantIds.IsWellFormed(applicantId))
        {
            return (LinkResult.Invalid, null);
        }

        if (check.State == TokenState.Expired)
        {
            return (LinkResult.Expired, null);
        }

        if (await applicants.FindAsync(applicantId, cancellationToken) is not { } applicant)
        {
            return (LinkResult.NotFound, null);
        }

        return applicant.LinkStamp == stamp ? (LinkResult.Done, applicant) : (LinkResult.Revoked, null);
    }

    /// <summary>A new random stamp: 16 hex digits.</summary>
    public static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
