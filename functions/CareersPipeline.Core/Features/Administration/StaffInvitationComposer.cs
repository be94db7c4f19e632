using System.Text;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Staff;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// Writes the invitation to a new member of staff: the plain text here, the HTML by its template. It carries no
/// token: the person signs in with their organisation account, and the directory matches them by their address.
/// </summary>
public sealed class StaffInvitationComposer(IOptions<PipelineOptions> options, IEmailTemplates templates)
{
    /// <summary>Where staff sign in: the workspace's home, behind the organisation sign-in.</summary>
    public const string SignInPath = "/staff/";

    public OutgoingEmail Compose(StaffMember invited, string invitedByName)
    {
        var roles = invited.Roles.Order().Select(RoleName).ToList();
        var model = new StaffInvitationEmail(invited.DisplayName, options.Value.IcsName, invitedByName, roles, options.Value.PublicBaseUrl.TrimEnd('/') + SignInPath);
        var text = new StringBuilder()
            .Append("Hello ").Append(model.ToName).Append(",\n\n")
            .Append(model.InvitedBy).Append(" has invited you to the ").Append(model.IcsName).Append(" careers pipeline staff workspace as: ")
            .Append(string.Join(", ", roles)).Append(".\n\n")
            .Append("Sign in with your organisation account, using this email address: ").Append(model.SignInUrl).Append('\n')
            .ToString();
        return new OutgoingEmail(invited.Email!, $"You have been invited to the {model.IcsName} careers pipeline", templates.Html(model), text, EmailKind.StaffInvitation, invited.Id);
    }

    public static string RoleName(StaffRole role) => role switch
    {
        StaffRole.Admin => "admin",
        StaffRole.Adviser => "adviser",
        StaffRole.Employer => "employer",
        StaffRole.EventOrganiser => "event organiser",
        StaffRole.ProgrammeLead => "programme lead",
        StaffRole.SchoolCoordinator => "school coordinator",
        _ => role.ToString(),
    };
}
