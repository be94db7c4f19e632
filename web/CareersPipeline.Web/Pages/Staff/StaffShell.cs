namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// What every staff page shows around its content: the signed-in person's name, the navigation their roles allow, how to
/// sign out, and the antiforgery token every form on the page posts back.
/// </summary>
public sealed record StaffShell(string? DisplayName, IReadOnlyList<StaffLink> Navigation, StaffSignOut? SignOut, FormToken? Token)
{
    public static StaffShell SignedOut { get; } = new(null, [], null, null);
}

/// <summary>A link in the workspace; <paramref name="Current"/> marks the section the page is in.</summary>
public sealed record StaffLink(string Href, string Text, bool Current = false);

/// <summary>Sign out: a POST form locally (the session cookie is ours), a link in Azure (App Service's /.auth/logout).</summary>
public sealed record StaffSignOut(string Url, bool IsForm);

/// <summary>The antiforgery field every POST form carries (ASP.NET Core antiforgery's form field name and request token).</summary>
public sealed record FormToken(string FieldName, string Value);
