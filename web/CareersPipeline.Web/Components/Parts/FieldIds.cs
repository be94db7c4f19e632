namespace CareersPipeline.Web.Components.Parts;

/// <summary>Element ids for form fields: "consents.contact" becomes "consents-contact" (a dot would need escaping in CSS selectors).</summary>
public static class FieldIds
{
    public static string Of(string field) => field.Replace('.', '-');

    /// <summary>Where an error summary link takes the person: the first box or option of the field.</summary>
    public static string FirstInput(string field) => field switch
    {
        "dateOfBirth" or "closingDate" or "startDate" or "date" or "proposedStartDate" => field + "-day",
        "employerCode" or "wage.type" or "wage.unit" or "vacancy.contractType" or "reason" or "conditional" => Of(field) + "-1",
        "careerInterests" or "currentSituation" or "qualificationLevel" or "rightToWork" or "supportNeeds" or "consents.contact" or "consents.marketing" or "kind" => Of(field) + "-1",
        "roles" or "employerCodes" or "levyPayer" or "sector" => Of(field) + "-1",
        _ => Of(field),
    };

    public static string Error(string field) => Of(field) + "-error";

    public static string Hint(string field) => Of(field) + "-hint";
}
