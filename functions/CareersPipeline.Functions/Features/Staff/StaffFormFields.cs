namespace CareersPipeline.Functions.Features.Staff;

/// <summary>Field names every staff form shares (web's StaffForm writes them).</summary>
public static class StaffFormFields
{
    /// <summary>The version (ETag) of the record the form changes, as the person saw it.</summary>
    public const string Version = Web.Components.Parts.StaffForm.VersionField;
}
