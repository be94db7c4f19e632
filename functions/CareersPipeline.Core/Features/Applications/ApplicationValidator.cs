namespace CareersPipeline.Core.Features.Applications;

/// <summary>Checks the person's answers and the employer's forms; errors are keyed by the input's JSON field names.</summary>
public static class ApplicationValidator
{
    public const int LongText = 2000, ShortText = 300;

    public static (ApplicationAnswers? Answers, IReadOnlyDictionary<string, string[]> Errors) Validate(ApplicationInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var why = Text(input.WhyThisRole, "whyThisRole", LongText, errors, "Say why you want this role.");
        var when = Text(input.WhenCanStart, "whenCanStart", ShortText, errors, "Say when you could start, for example \"straight away\" or \"from September\".");
        var paid = Text(input.PaidExperience, "paidExperience", LongText, errors);
        var voluntary = Text(input.VoluntaryExperience, "voluntaryExperience", LongText, errors);
        var caring = Text(input.CaringExperience, "caringExperience", LongText, errors);
        var study = Text(input.StudyExperience, "studyExperience", LongText, errors);
        var adjustments = Text(input.InterviewAdjustments, "interviewAdjustments", LongText, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new ApplicationAnswers(why!, paid, voluntary, caring, study, when!, adjustments), errors);
    }

    /// <summary>The trimmed text, or null when empty; an error when it is required and missing, or too long.</summary>
    public static string? Text(string? value, string field, int max, Dictionary<string, string[]> errors, string? requiredMessage = null)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && requiredMessage is not null)
        {
            errors[field] = [requiredMessage];
        }
        else if (text is not null && text.Length > max)
        {
            errors[field] = [$"Use {max} characters or fewer."];
        }

        return text;
    }
}
