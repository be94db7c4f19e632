namespace CareersPipeline.Core.People;

/// <summary>
/// The version of the privacy notice's wording in force, recorded with every consent given or withdrawn so each
/// statement can be shown against the words the person saw. Changing the notice's wording means a new version.
/// </summary>
public static class ConsentWording
{
    public const string Current = "2026-12";
}
