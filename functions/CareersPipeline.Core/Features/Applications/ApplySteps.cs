namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// The question pages' order and which answers each asks for. The draft travels in the pages' hidden fields (never in
/// the URL), so each page is checked on its own with the one validator the submission uses, keeping the two in step.
/// </summary>
public static class ApplySteps
{
    /// <summary>The input's field names (JSON and form) each page asks for; the check page asks for none.</summary>
    public static IReadOnlyList<string> FieldsOf(ApplyStep step) => step switch
    {
        ApplyStep.Why => ["whyThisRole"],
        ApplyStep.Experience => ["paidExperience", "voluntaryExperience", "caringExperience", "studyExperience"],
        ApplyStep.Start => ["whenCanStart"],
        ApplyStep.Adjustments => ["interviewAdjustments"],
        _ => [],
    };

    /// <summary>The page after <paramref name="step"/>; back to the check page when the person came from its "Change" link.</summary>
    public static ApplyStep Next(ApplyStep step, bool returnToCheck) =>
        returnToCheck || step >= ApplyStep.Adjustments ? ApplyStep.Check : step + 1;

    /// <summary>The page before <paramref name="step"/> (the first page has none).</summary>
    public static ApplyStep? Previous(ApplyStep step) => step == ApplyStep.Why ? null : step - 1;

    /// <summary>The problems with the answers this page asks for; the other pages' answers are checked on theirs.</summary>
    public static IReadOnlyDictionary<string, string[]> ErrorsOf(ApplyStep step, ApplicationInput input)
    {
        var fields = FieldsOf(step);
        var (_, errors) = ApplicationValidator.Validate(input);
        return errors.Where(e => fields.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);
    }

    /// <summary>The first page with a problem, to show a submission that fails (a draft edited by hand, or an expired page).</summary>
    public static ApplyStep FirstWithErrors(IReadOnlyDictionary<string, string[]> errors) =>
        Enum.GetValues<ApplyStep>().FirstOrDefault(s => FieldsOf(s).Any(errors.ContainsKey), ApplyStep.Check);

    /// <summary>Reads a page name sent by a form; anything else is the first page.</summary>
    public static ApplyStep Parse(string? value) =>
        Enum.TryParse<ApplyStep>(value, ignoreCase: true, out var step) && Enum.IsDefined(step) ? step : ApplyStep.Why;
}
