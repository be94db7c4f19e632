using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CareersPipeline.Core;

/// <summary>
/// The one rule for an email address anyone gives us: the sign-up's, a guardian's, a levy contact's. Emails are sent
/// to it, so it must be an address a mail server takes as it stands.
/// </summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 254;

    public const string FormatMessage = "Enter an email address in the correct format, like name@example.com.";

    /// <summary>
    /// True for a bare address, exactly as given (already trimmed): at most <see cref="MaxLength"/> characters, one
    /// @ with something before it and a dotted domain after it, no spaces. <see cref="MailAddress"/> must read it
    /// back unchanged: it also accepts "&lt;a@b.org&gt;" and "a(comment)@b.org", which are not addresses to store.
    /// </summary>
    public static bool IsValid(string address) =>
        address.Length <= MaxLength
        && Shape().IsMatch(address)
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Shape();
}
