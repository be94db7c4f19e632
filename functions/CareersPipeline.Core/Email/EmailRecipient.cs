namespace CareersPipeline.Core.Email;

/// <summary>Who an email of a kind goes to, and what must be true of the address before it does.</summary>
public enum EmailRecipient
{
    /// <summary>The person's own address before it is verified: the email carries the link that verifies it.</summary>
    AddressToVerify,

    /// <summary>The person's own address, and only once they have verified it.</summary>
    VerifiedAddress,

    /// <summary>An under-16's parent or guardian, at the address the child gave for them.</summary>
    Guardian,

    /// <summary>A staff or employer contact address from a staff record (a pledge's or an application's contact).</summary>
    StaffContact,
}
