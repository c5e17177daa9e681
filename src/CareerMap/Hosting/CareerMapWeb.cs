using System.Threading.RateLimiting;
using CareerMap.Accounts;
using CareerMap.Api;
using CareerMap.Data;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CareerMap.Hosting;

/// <param name="Settings">Extra configuration over appsettings.json and the environment (tests use it for single sign-on).</param>
/// <param name="Clock">The clock every date and time comes from (tests run on a fixed day); the system clock when null.</param>
public sealed record WebSettings(DatabaseTarget Database, string Urls = CareerMapWeb.DefaultUrls, bool DemoRequested = true, string Environment = "Production",
    IReadOnlyDictionary<string, string?>? Settings = null, TimeProvider? Clock = null);

/// <summary>The web app: what it is made of, then how a request flows through it, then what it answers.</summary>
public static class CareerMapWeb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    const string SignInScheme = "CareerMap";

    public static WebApplication Build(WebSettings settings)
    {
        var builder = CreateBuilder(settings);
        AddData(builder.Services, settings);
        builder.AddProxies();
        AddSignIn(builder);
        AddRateLimits(builder.Services);
        AddApiAndPages(builder.Services);
        builder.AddLanguages();
        AddNotifications(builder);
        builder.AddObservability();
        builder.Services.AddSingleton<OrganizationTime>();
        var app = builder.Build();
        // A time zone that does not exist stops the start with the setting named, not the first page that shows a time.
        app.Services.GetRequiredService<OrganizationTime>();
        UsePipeline(app);
        MapEndpoints(app);
        return app;
    }

    static WebApplicationBuilder CreateBuilder(WebSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Pages are found in this assembly even when a test process hosts the app.
            ApplicationName = typeof(CareerMapWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = settings.Environment,
            // Configuration is read at start (restart to change it): no file watcher per instance, so many instances in
            // one process (the tests) never run out of the machine's inotify instances.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        if (settings.Settings is not null) builder.Configuration.AddInMemoryCollection(settings.Settings);
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 20 * 1024 * 1024);
        builder.Services.AddSingleton(services => new DemoMode(settings.DemoRequested && settings.Database.IsEmbedded, services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()));
        return builder;
    }

    static void AddData(IServiceCollection services, WebSettings settings)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CareerMap.Audit.IAuditActor, SignedInActor>();
        if (settings.Clock is not null) services.AddSingleton(settings.Clock);
        services.AddSingleton<CareerMap.Provisioning.IScimAddress, RequestScimAddress>();
        services.AddSingleton<CareerMap.Badges.IBadgeAddress, RequestBadgeAddress>();
        services.AddSingleton(sp => CareerMapServices.CaseSettings(sp.GetRequiredService<IConfiguration>()));
        services.AddCareerMapData(settings.Database);
        services.AddScoped<PersonInRoute>();
        DatabaseKeyRepository.Use(services);
    }

    static void AddNotifications(WebApplicationBuilder builder)
    {
        builder.Services.Configure<CareerMap.Notifications.MailOptions>(builder.Configuration.GetSection(CareerMap.Notifications.MailOptions.Section));
        builder.Services.PostConfigure<CareerMap.Notifications.MailOptions>(o => o.DefaultLanguage = Languages.Normalize(builder.Configuration[Languages.DefaultSetting]) ?? Languages.English);
        var worker = builder.Configuration.GetSection(NotificationWorkerOptions.Section);
        builder.Services.Configure<NotificationWorkerOptions>(worker);
        if (worker.GetValue(nameof(NotificationWorkerOptions.Enabled), true)) builder.Services.AddHostedService<NotificationWorker>();
    }

    /// <summary>
    /// SCIM provisioning tokens under /scim, xAPI tokens (cmxapi_…, Basic or Bearer) under /xapi, CASE tokens (cmcase_…) under /ims/case; else a bearer token when the request
    /// carries one, else the page cookie. Challenges then redirect pages, 401 the API and CASE, and answer SCIM clients with a SCIM error.
    /// </summary>
    static void AddSignIn(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityApiEndpoints<AppUser>(CareerMapServices.ConfigureIdentity).AddRoles<IdentityRole>().AddEntityFrameworkStores<CareerMapDb>()
            .AddSignInManager<SessionSignInManager>().AddPasswordValidator<CommonPasswords>();
        // The cookie's principal is rebuilt every 30 minutes; it keeps the sign-in session it belongs to.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = ctx =>
        {
            if (ctx.CurrentPrincipal?.FindFirst(SignInSessions.Claim) is { } session) ctx.NewPrincipal?.Identities.First().AddClaim(new(session.Type, session.Value));
            return Task.CompletedTask;
        });
        services.AddAuthentication(o => o.DefaultScheme = o.DefaultChallengeScheme = o.DefaultAuthenticateScheme = SignInScheme)
            .AddPolicyScheme(SignInScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/scim", StringComparison.OrdinalIgnoreCase) ? ScimApi.Scheme
                : ctx.Request.Path.StartsWithSegments(XapiApi.Root, StringComparison.OrdinalIgnoreCase) ? XapiApi.Scheme
                : ctx.Request.Path.StartsWithSegments(CaseApi.Root, StringComparison.OrdinalIgnoreCase)
                    && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer " + CareerMap.Provisioning.TokenScopes.Prefix(CareerMap.Provisioning.TokenScopes.Case), StringComparison.OrdinalIgnoreCase) ? CaseApi.Scheme
                : ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ScimTokenHandler>(ScimApi.Scheme, null)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CaseTokenHandler>(CaseApi.Scheme, null)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, XapiTokenHandler>(XapiApi.Scheme, null)
            .AddSingleSignOn(builder.Configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new());
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, ActiveAccounts>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SignedOutIsChallenged>();
        // Cookies and sign-in handshakes carry absolute expiry times that browsers compare with their own clock, so they
        // keep the wall clock even when the app's business clock is set to another day (tests).
        services.ConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
        services.ConfigureAll<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(o => o.TimeProvider = TimeProvider.System);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "careermap";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            // Not allowed is a 403 where it was asked, never a redirect to a page that answers 200: browsers get the error
            // page in their language from the status code pages, everyone else problem details.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.HrAdmin, p => p.RequireRole(AppRoles.HrAdmin))
            .AddPolicy(Policies.Scim, p => p.AddAuthenticationSchemes(ScimApi.Scheme).RequireClaim(ScimApi.TokenClaim))
            .AddPolicy(Policies.Xapi, p => p.AddAuthenticationSchemes(XapiApi.Scheme).RequireClaim(XapiApi.TokenClaim))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    static void AddRateLimits(IServiceCollection services) => services.AddSingleton<SignInLimits>().AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        SignInLimits.AddPolicy(o);
        o.OnRejected = async (context, ct) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many sign-in attempts", Detail = SignInLimits.Refusal },
            });
        };
    });

    static void AddApiAndPages(IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ConcurrentEdits>();
        // Enum values travel as kebab-case names (changes-requested, step-back), through this one converter.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(WireNames.Policy)));
        services.AddOpenApi(o => o.AddSchemaTransformer<WireEnumSchemas>());
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.HrAdmin);
            o.Conventions.AddPageRoute("/Admin/EditPlanTemplate", "/admin/plan-templates/new");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AddPageApplicationModelConvention("/Account/Login", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInLimits.Policy)));
        });
    }

    static void UsePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
        app.UseErrorPages();
        // Routing after the error handlers, so a request they send again to an error page is routed to it.
        app.UseRouting();
        app.UseScimErrors();
        app.UseCaseErrors();
        app.Use(SecurityHeaders);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseLanguages();
        app.UseAuthorization();
        app.MapApiDocs();
        app.UseApiCookieWriteCheck();
        app.UsePersonAccess();
    }

    static void MapEndpoints(WebApplication app)
    {
        app.MapAssets();
        app.MapHealthApi();
        app.MapObservability();
        app.MapAuthApi();
        app.MapFrameworkApi();
        app.MapCareerMapApi();
        app.MapPeopleApi();
        app.MapRatingContestsApi();
        app.MapPlanTemplatesApi();
        app.MapCareerInterestsApi();
        app.MapNotificationsApi();
        app.MapReviewCyclesApi();
        app.MapCredentialsApi();
        app.MapReportsApi();
        app.MapPlansApi();
        app.MapAuditApi();
        app.MapScimApi();
        app.MapCaseApi();
        app.MapXapiApi();
        app.MapBadgesApi();
        app.MapMoodleApi();
        app.MapFrameworkVersionsApi();
        app.MapProvisioningApi();
        app.MapJobDescriptionsApi();
        app.MapSingleSignOn();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
    }

    static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || ctx.Request.Path.StartsWithSegments("/ims", StringComparison.OrdinalIgnoreCase))
            ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    static Task SecurityHeaders(HttpContext http, RequestDelegate next)
    {
        var h = http.Response.Headers;
        // Pages and answers are about people: no browser or proxy keeps them unless a response says otherwise (the stylesheet).
        http.Response.OnStarting(() =>
        {
            if (!h.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl)) h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        // The API docs page runs its own inline scripts; every page of ours runs without any.
        if (!http.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase))
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        return next(http);
    }
}
