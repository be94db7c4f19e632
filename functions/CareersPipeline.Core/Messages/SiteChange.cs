namespace CareersPipeline.Core.Messages;

/// <summary>The site-change queue's message: which public page to re-render. Ids only.</summary>
public sealed record SiteChange(string ItemType, string ItemId, string Change);
