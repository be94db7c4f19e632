namespace CareersPipeline.Core.Staff;

/// <summary>
/// Who signed in, as the identity provider told us: the subject (Entra object id) always, the email address when the
/// sign-in carried one. The email is used once, to match an invitation or a bootstrap admin; after that the record is
/// found by the subject.
/// </summary>
public sealed record StaffSignIn(string SubjectId, string? Email);
