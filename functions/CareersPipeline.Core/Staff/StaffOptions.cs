namespace CareersPipeline.Core.Staff;

/// <summary>Settings of the staff directory (docs/security.md, "The first admin").</summary>
public sealed class StaffOptions
{
    /// <summary>
    /// BOOTSTRAP_ADMIN_EMAILS, comma-separated: who becomes admin at their first sign-in while the directory has no
    /// active admin. Once one exists the setting does nothing.
    /// </summary>
    public IReadOnlyList<string> BootstrapAdminEmails { get; set; } = [];

    public static IReadOnlyList<string> ParseEmails(string? csv) =>
        [.. (csv ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.ToLowerInvariant()).Distinct()];
}
