using System.Text;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>
/// The file an employer downloads to start a vacancy upload: the header row <see cref="VacancyCsvImport"/> reads and
/// one example row that imports as it stands (with a closing date far enough ahead), so the format explains itself.
/// </summary>
public static class VacancyCsvTemplate
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string FileName = "vacancies-template.csv";

    private const string Example =
        "Healthcare support worker,Help nurses care for patients on a busy ward.,Full training given.,Nursing,2,ST4 6QG,NationalMinimum,,,37.5,," +
        "2099-12-31,18,no,,yes,yes,,Band 2,Permanent";

    public static string Text() => string.Join(',', VacancyCsvImport.Columns) + "\r\n" + Example + "\r\n";

    public static byte[] Bytes() => Encoding.UTF8.GetBytes(Text());
}
