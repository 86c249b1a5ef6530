package io.trustline.relationship.models;

import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.problem.Problem;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import io.trustline.relationship.scoring.model.InvalidScoringModelException;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import io.trustline.relationship.scoringmodel.ModelCatalog;
import io.trustline.relationship.scoringmodel.TenantModels;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class ModelResource {

    static final String YAML = "application/yaml";
    static final String X_YAML = "application/x-yaml";
    static final String MODEL_ID = "^[A-Za-z0-9._-]{1,90}@[0-9]{1,9}$";

    private final Clock clock = Clock.systemUTC();

    @Inject
    TenantModels models;
    @Inject
    ModelCatalog catalog;
    @Inject
    CurrentTenant tenant;
    @Inject
    ModelSwitching switching;
    @Inject
    ModelComparisons comparisons;

    @GET
    @Operation(summary = "The scoring models your tenant knows",
            description = "The built-in trustline-default@1, the service's configured model and the models your tenant "
                    + "stored, and which one scores your clients now.")
    public TenantModelList list() {
        String tenantId = tenant.id();
        return new TenantModelList(models.activeModelId(tenantId),
                models.known(tenantId).stream().map(ModelView::summary).toList());
    }

    @GET
    @Path("/{modelId}")
    @Operation(summary = "One model your tenant knows, with its content")
    public ModelView get(@PathParam("modelId") @Size(max = 100) @Pattern(regexp = MODEL_ID) String modelId) {
        return models.known(tenant.id(), modelId).map(ModelView::details)
                .orElseThrow(() -> new UnknownResourceException("model", modelId));
    }

    @POST
    @Consumes({YAML, X_YAML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Store a model version for your tenant",
            description = "The body is a model file (YAML or JSON) with every key of the built-in model's file. "
                    + "201 with the model; the same name@version with the same content again: 200 with the stored "
                    + "model; with other content: 409 naming the id (a version never changes). A faulty file: 400 "
                    + "listing every faulty key by its path (errors[].field), e.g. trust.clientChased. With an "
                    + "Idempotency-Key, a retry answers 200 with Idempotent-Replayed: true; the key with another "
                    + "model answers 422. A tenant stores at most " + ModelCatalog.MAX_STORED_PER_TENANT + " models.")
    @RequestBody(required = true, content = {
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING, maxLength = 262144)),
            @Content(mediaType = X_YAML, schema = @Schema(type = SchemaType.STRING, maxLength = 262144)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoringModel.class))})
    public Response store(byte[] body,
                          @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        ScoringModel model;
        try {
            model = ScoringModelFiles.read(new ByteArrayInputStream(body), "in the body");
        } catch (InvalidScoringModelException e) {
            return invalidModel(e);
        }
        ModelCatalog.Registration registration = catalog.register(tenant.id(), model, idempotencyKey, clock.instant());
        URI location = UriBuilder.fromResource(ModelResource.class).path(model.id()).build();
        ModelView view = ModelView.details(registration.model());
        if (registration.replayed()) {
            return Response.ok(view).location(location).header(IdempotencyKeys.REPLAYED, "true").build();
        }
        return (registration.created() ? Response.created(location) : Response.ok().location(location))
                .entity(view).build();
    }

    @GET
    @Path("/active")
    @Operation(summary = "The model scoring your clients, and the latest switch",
            description = "latestSwitch shows a switch in progress (RESCORING: the old model still scores; "
                    + "HANDING_OVER: the new one does), with clientsDone of clientsTotal, or the last one, DONE or "
                    + "FAILED with failedReason (the old model then stays active).")
    public ActiveModelStatus active() {
        return switching.status(tenant.id());
    }

    @PUT
    @Path("/active")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch the model that scores your clients",
            description = "Every client is rescored under the model in the background while the current model "
                    + "keeps scoring and being served; then the switch is made in one step. 202 with the switch (follow "
                    + "it with GET /models/active); 200 when the model is already active. 400 for a model your tenant "
                    + "does not know; 409 while a switch to another model runs. Asking again for the model being "
                    + "switched to answers 202 with the same switch.")
    public Response switchTo(@NotNull @Valid SwitchActiveModelRequest request) {
        String tenantId = tenant.id();
        boolean switching = this.switching.request(tenantId, request.modelId());
        return Response.status(switching ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(this.switching.status(tenantId)).build();
    }

    @POST
    @Path("/comparisons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Two models over your clients' histories",
            description = "Per client, in client id order: trust and loyalty under modelA and modelB as of asOf "
                    + "(default now), the churn-risk level under each, and riskFlips, the clients whose level differs. "
                    + "At most limit clients per answer (1-" + ModelComparisons.MAX_CLIENTS + ", default "
                    + ModelComparisons.DEFAULT_CLIENTS + "); pass nextAfter as after for the next ones. Computed "
                    + "from the stored events on each call.")
    public ModelComparisonView compare(@NotNull @Valid CompareModelsRequest request) {
        return comparisons.compare(tenant.id(), request);
    }

    private static Response invalidModel(InvalidScoringModelException e) {
        List<Problem.FieldError> errors = e.problems().stream().map(ModelResource::fieldError).toList();
        return Problem.invalidRequest("The model is invalid: " + errors.size() + " problem(s), each in errors[].",
                errors).toResponse();
    }

    // the engine words a problem "path: why"; a problem about the whole file has no path
    static Problem.FieldError fieldError(String problem) {
        int colon = problem.indexOf(": ");
        String path = colon < 0 ? "" : problem.substring(0, colon);
        return path.matches("[A-Za-z0-9_.\\[\\]]+")
                ? new Problem.FieldError(path, problem.substring(colon + 2))
                : new Problem.FieldError("body", problem);
    }
}
