namespace CareersPipeline.Web.Pages;

/// <summary>Local mode only (/dev): where to find the API, its documentation and the outbox. The site itself is at /.</summary>
public sealed record LocalHomePage : AppPage
{
    public override string Title => "CareersPipeline is running locally";
}
