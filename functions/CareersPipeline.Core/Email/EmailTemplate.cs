namespace CareersPipeline.Core.Email;

/// <summary>The shared HTML and text of a batch of one kind, whose tags each recipient's values fill in.</summary>
public sealed record EmailTemplate(EmailKind Kind, string Html, string Text);
