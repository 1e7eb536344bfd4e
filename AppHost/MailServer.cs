namespace Talent.AppHost;

/// <summary>
/// The embedded default's and container mode's SMTP server: smtp4dev (the <c>Rnwood.Smtp4dev</c> dotnet tool from the
/// repository's tool manifest), which keeps every message in memory and shows it on its web page, linked in the
/// dashboard. Nothing leaves the machine. With external infrastructure, <c>Notifications:Smtp:*</c> names a real server.
/// </summary>
internal static class MailServer
{
    public static IResourceBuilder<ExecutableResource>? Add(IDistributedApplicationBuilder builder, Infrastructure infrastructure)
    {
        if (infrastructure.Mode == "external")
        {
            return null;
        }

        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var mail = builder.AddExecutable("mail", "dotnet", root)
            .WithHttpEndpoint(name: "http")
            .WithEndpoint(name: "smtp", scheme: "tcp");
        var web = mail.GetEndpoint("http");
        var smtp = mail.GetEndpoint("smtp");
        return mail
            .WithArgs(context =>
            {
                context.Args.Add("tool");
                context.Args.Add("run");
                context.Args.Add("smtp4dev");
                context.Args.Add("--");
                context.Args.Add(ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{web.Property(EndpointProperty.TargetPort)}"));
                // In memory, no IMAP or POP3, no TLS, no settings file of this user: a throwaway mail catcher.
                context.Args.Add("--db=");
                context.Args.Add("--imapport=0");
                context.Args.Add("--pop3port=0");
                context.Args.Add("--tlsmode=None");
                context.Args.Add("--nousersettings");
                context.Args.Add("--hostname=localhost");
                context.Args.Add("--bindaddress=127.0.0.1");
            })
            .WithHttpHealthCheck("/", endpointName: "http")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Mail received 收到的邮件 (smtp4dev)");
    }

    /// <summary>The notifications service's SMTP settings: this server when there is one, else the configured section.</summary>
    public static IResourceBuilder<ProjectResource> WithMail(this IResourceBuilder<ProjectResource> notifications, IResourceBuilder<ExecutableResource>? mail, Infrastructure infrastructure)
    {
        if (mail is not null)
        {
            var smtp = mail.GetEndpoint("smtp");
            notifications
                .WithEnvironment("Notifications__Smtp__Host", smtp.Property(EndpointProperty.Host))
                .WithEnvironment("Notifications__Smtp__Port", smtp.Property(EndpointProperty.Port))
                .WithEnvironment("Notifications__Smtp__Security", "None")
                .WaitFor(mail);
        }

        return notifications.WithSettingsFrom(infrastructure.Configuration, "Notifications");
    }
}
