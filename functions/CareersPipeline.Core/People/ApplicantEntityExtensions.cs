namespace CareersPipeline.Core.People;

public static class ApplicantEntityExtensions
{
    public static ApplicantStatus StatusValue(this ApplicantEntity applicant) => Enum.Parse<ApplicantStatus>(applicant.Status);

    public static Door DoorValue(this ApplicantEntity applicant) => Enum.Parse<Door>(applicant.Door);

    public static DateOnly DateOfBirthValue(this ApplicantEntity applicant) => DateOnly.ParseExact(applicant.DateOfBirth, "yyyy-MM-dd");

    public static IReadOnlyList<TEnum> Names<TEnum>(string csv)
        where TEnum : struct, Enum =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TEnum>).ToList();

    public static string Csv<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, Enum => string.Join(',', values);
}
