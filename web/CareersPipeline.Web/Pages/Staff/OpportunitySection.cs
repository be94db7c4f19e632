namespace CareersPipeline.Web.Pages.Staff;

/// <summary>The question pages of an opportunity, in the order they are asked; <see cref="Details"/> asks about the training or the contract.</summary>
public enum OpportunitySection
{
    What,
    Where,
    Pay,
    Dates,
    Details,
}
