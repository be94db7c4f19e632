namespace CareersPipeline.Web.Pages;

/// <summary>The optional equality monitoring questions, posted back to <paramref name="Action"/>.</summary>
public sealed record EqualityFormPage(string Action) : AppPage
{
    public override string Title => "Equality monitoring";
}
