namespace CareersPipeline.Core.Messages;

/// <summary>The site-change queue's message: which public page to re-render. Ids only.</summary>
public sealed record SiteChange(string ItemType, string ItemId, string Change)
{
    /// <summary>Schools, events or programmes changed: the pages that list them are rendered again.</summary>
    public const string ReferenceDataItem = "reference-data";
}
