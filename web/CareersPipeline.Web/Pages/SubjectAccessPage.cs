using CareersPipeline.Core.Features.Privacy;

namespace CareersPipeline.Web.Pages;

/// <summary>A subject access export as a readable page.</summary>
public sealed record SubjectAccessPage(SubjectAccessReport Report) : AppPage
{
    public override string Title => "The information we hold about you";
}
