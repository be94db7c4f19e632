namespace CareersPipeline.Core.Runs;

/// <summary>The long jobs an admin can start and watch.</summary>
public enum RunKind
{
    SiteRebuild,
    NationalVacancyImport,
}
