// Validates Trustline's deployment files offline, and names the file, the resource and the field of each problem.
//   node validate.mjs --crd-schemas <dir> --compose-schema <file> <file or directory>...
// Kubernetes kinds: kubernetes-models (the Kubernetes OpenAPI schemas compiled to validators) plus a check for
// fields the kind does not have, read from the same package's type declarations (the compiled validators let
// unknown fields through; the API server would drop them silently, or refuse them under strict field validation).
// KEDA: @kubernetes-models/keda. Strimzi and MongoDB Community: their CRDs' openAPIV3Schema with ajv, objects closed
// unless the CRD keeps unknown fields. Compose files (compose*.yaml): the Compose specification's JSON schema.
// Then cross-references: every ConfigMap, Secret (and key), Service target, probe port, scale target, topic and
// Kafka cluster a resource names must be declared. Exit 0 when all is valid, 1 with one line per problem.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const args = process.argv.slice(2);
const option = name => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const crdSchemaDir = option("--crd-schemas");
const composeSchemaFile = option("--compose-schema");
const base = process.cwd();
const problems = [];
const report = (file, resource, path, message) =>
  problems.push(`${relative(base, file)}: ${resource ? resource + ": " : ""}${path ? path + " " : ""}${message}`);

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
addFormats(ajv);
const compiled = new Map();     // schema file -> ajv validator
const declarations = new Map(); // .d.ts file -> its fields and their types

// ---- collect documents --------------------------------------------------------------------------------------
const files = args.flatMap(path => yamlFiles(resolve(path))).filter(f => !f.includes(`${"/"}schemas${"/"}`));
const resources = [];
let composeFiles = 0;
for (const file of files) {
  const name = basename(file);
  let docs;
  try {
    // merge keys (<<: *anchor) as Compose and kubectl read them
    docs = parseAllDocuments(readFileSync(file, "utf8"), { merge: true });
  } catch (e) {
    report(file, null, null, `cannot be read: ${e.message}`);
    continue;
  }
  for (const doc of docs) {
    if (doc.errors.length) {
      doc.errors.forEach(e => report(file, null, null, `is not valid YAML: ${e.message}`));
      continue;
    }
    const obj = doc.toJS();
    if (obj == null) continue;
    if (name.startsWith("compose")) {
      composeFiles++;
      validateCompose(file, obj);
    } else if (name === "kustomization.yaml") {
      validateKustomization(file, obj);
    } else {
      resources.push({ file, obj, id: `${obj.kind}/${obj.metadata?.name}` });
    }
  }
}

// ---- schemas --------------------------------------------------------------------------------------------------
const declarationOf = module => fileURLToPath(import.meta.resolve(module)).replace(/\.js$/, ".d.ts");
for (const { file, obj, id } of resources) {
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    report(file, id, null, "has no apiVersion or kind");
    continue;
  }
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const crdSchema = crdSchemaDir && join(crdSchemaDir, `${group}_${version}_${obj.kind}.json`);
  if (crdSchema && existsSync(crdSchema)) {
    validateWithAjv(file, id, crdSchema, obj, closeObjects);
  } else if (group === "keda.sh") {
    await validateWithModel(file, id, `@kubernetes-models/keda/${obj.apiVersion}/${obj.kind}`, obj);
  } else if (group === "" || !group.includes(".") || group.endsWith(".k8s.io")) {
    await validateWithModel(file, id, `kubernetes-models/${obj.apiVersion}/${obj.kind}`, obj);
  } else {
    report(file, id, null, `no schema for ${obj.apiVersion} ${obj.kind} (add its CRD's schema to ${crdSchemaDir})`);
  }
}

async function validateWithModel(file, id, module, obj) {
  let Model;
  try {
    Model = (await import(module))[obj.kind];
  } catch (e) {
    report(file, id, null, `unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`);
    return;
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    for (const error of e.errors ?? [{ instancePath: "", message: e.message }]) {
      report(file, id, fieldPath(error.instancePath), describe(error));
    }
  }
  unknownFields(file, id, declarationOf(module), obj, "");
}

function validateWithAjv(file, id, schemaFile, obj, prepare) {
  if (!compiled.has(schemaFile)) {
    compiled.set(schemaFile, ajv.compile(prepare(JSON.parse(readFileSync(schemaFile, "utf8")))));
  }
  const validate = compiled.get(schemaFile);
  if (!validate(obj)) {
    for (const error of validate.errors) {
      const path = fieldPath(error.instancePath);
      if (error.keyword === "additionalProperties") {
        report(file, id, joinPath(path, error.params.additionalProperty), "is not a known field");
      } else {
        report(file, id, path, error.message);
      }
    }
  }
}

/** The Compose schema names draft-07 by an https URL that ajv does not know by that name; it is draft-07 as ajv has it. */
function withoutMetaSchema(schema) {
  const { $schema, ...rest } = schema;
  return rest;
}

/** The API server prunes fields a structural schema does not declare; here they are errors, as a typo would be. */
function closeObjects(schema) {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== "object") return schema;
  const closed = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "enum" ? v : closeObjects(v)]));
  if (closed.properties && closed.additionalProperties === undefined
      && closed["x-kubernetes-preserve-unknown-fields"] !== true) {
    closed.additionalProperties = false;
  }
  return closed;
}

// ---- unknown fields of Kubernetes kinds, from kubernetes-models' type declarations -------------------------------
function declaredFields(dtsFile) {
  if (!declarations.has(dtsFile)) {
    let fields = null;
    if (existsSync(dtsFile)) {
      const text = readFileSync(dtsFile, "utf8");
      const imports = new Map();
      for (const m of text.matchAll(/import \{ ([^}]+) \} from "([^"]+)";/g)) {
        for (const name of m[1].split(",").map(s => s.trim())) imports.set(name, m[2]);
      }
      const body = text.match(/export interface I\w+(?: extends [^{]+)? \{([\s\S]*?)\n\}/);
      if (body) {
        fields = new Map();
        // one field a line at this depth; a map type ({ [key: string]: … }) opens a block and is not looked into
        for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
          fields.set(m[1], elementType(m[2].replace(/;$/, ""), imports, dtsFile));
        }
      }
    }
    declarations.set(dtsFile, fields);
  }
  return declarations.get(dtsFile);
}

function elementType(type, imports, fromFile) {
  const array = type.match(/^Array<(\w+)>$/);
  const name = array ? array[1] : type;
  const module = imports.get(name);
  if (!module) return null; // a scalar, a map ({ [key: string]: … }) or a union: nothing more to check inside
  const target = module.startsWith(".")
    ? resolve(dirname(fromFile), module.replace(/\.js$/, "") + ".d.ts")
    : declarationOf(module.replace(/\.js$/, ""));
  return target;
}

function unknownFields(file, id, dtsFile, value, path) {
  const fields = declaredFields(dtsFile);
  if (!fields || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownFields(file, id, dtsFile, item, `${path}[${i}]`));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) {
      report(file, id, joinPath(path, key), "is not a known field");
    } else if (fields.get(key)) {
      unknownFields(file, id, fields.get(key), child, joinPath(path, key));
    }
  }
}

// ---- Compose and kustomize ------------------------------------------------------------------------------------
function validateCompose(file, obj) {
  if (!composeSchemaFile) {
    report(file, null, null, "is a Compose file, but no --compose-schema was given");
    return;
  }
  validateWithAjv(file, "compose", composeSchemaFile, obj, withoutMetaSchema);
  const services = Object.keys(obj.services ?? {});
  for (const [name, service] of Object.entries(obj.services ?? {})) {
    const needs = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    for (const dependency of needs) {
      if (!services.includes(dependency)) {
        report(file, `service ${name}`, "depends_on", `names ${dependency}, which is not a service of this file`);
      }
    }
    for (const [dependency, condition] of Object.entries(Array.isArray(service.depends_on) ? {} : service.depends_on ?? {})) {
      if (condition?.condition === "service_healthy" && obj.services[dependency] && !obj.services[dependency].healthcheck) {
        report(file, `service ${name}`, `depends_on.${dependency}`, `waits for ${dependency} to be healthy, which has no healthcheck`);
      }
    }
  }
}

function validateKustomization(file, obj) {
  for (const resource of obj.resources ?? []) {
    if (!existsSync(join(dirname(file), resource))) {
      report(file, "Kustomization", "resources", `lists ${resource}, which does not exist`);
    }
  }
}

// ---- cross-references -----------------------------------------------------------------------------------------
const byKind = kind => resources.filter(r => r.obj.kind === kind && r.obj.metadata?.name);
const configMaps = new Map(byKind("ConfigMap").map(r => [r.obj.metadata.name, Object.keys(r.obj.data ?? {})]));
const secrets = new Map(byKind("Secret").map(r =>
  [r.obj.metadata.name, [...Object.keys(r.obj.data ?? {}), ...Object.keys(r.obj.stringData ?? {})]]));
// Secrets an operator writes: the MongoDB Community Operator's connection strings
for (const { obj } of byKind("MongoDBCommunity")) {
  for (const user of obj.spec?.users ?? []) {
    const name = user.connectionStringSecretName ?? `${obj.metadata.name}-${user.db}-${user.name}`;
    secrets.set(name, ["connectionString.standard", "connectionString.standardSrv", "username", "password"]);
  }
}
const kafkas = byKind("Kafka").map(r => r.obj.metadata.name);
const topics = byKind("KafkaTopic").map(r => r.obj.spec?.topicName ?? r.obj.metadata.name);
const workloads = [...byKind("Deployment"), ...byKind("StatefulSet")];
const matches = (selector, labels) => selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function checkRef(file, id, path, kind, known, name, key) {
  if (!known.has(name)) {
    report(file, id, path, `names ${kind} ${name}, which no manifest declares`);
  } else if (key !== undefined && !known.get(name).includes(key)) {
    report(file, id, path, `names key ${key} of ${kind} ${name}, which it does not have`);
  }
}

for (const { file, obj, id } of workloads) {
  const pod = obj.spec?.template?.spec ?? {};
  for (const [c, container] of (pod.containers ?? []).entries()) {
    const at = `spec.template.spec.containers[${c}]`;
    const ports = container.ports ?? [];
    (container.envFrom ?? []).forEach((from, i) => {
      if (from.configMapRef) checkRef(file, id, `${at}.envFrom[${i}].configMapRef`, "ConfigMap", configMaps, from.configMapRef.name);
      if (from.secretRef) checkRef(file, id, `${at}.envFrom[${i}].secretRef`, "Secret", secrets, from.secretRef.name);
    });
    (container.env ?? []).forEach((env, i) => {
      const ref = env.valueFrom ?? {};
      if (ref.configMapKeyRef) checkRef(file, id, `${at}.env[${i}]`, "ConfigMap", configMaps, ref.configMapKeyRef.name, ref.configMapKeyRef.key);
      if (ref.secretKeyRef) checkRef(file, id, `${at}.env[${i}]`, "Secret", secrets, ref.secretKeyRef.name, ref.secretKeyRef.key);
    });
    for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const port = container[probe]?.httpGet?.port ?? container[probe]?.tcpSocket?.port;
      if (port !== undefined && !ports.some(p => p.name === port || p.containerPort === port)) {
        report(file, id, `${at}.${probe}.port`, `is ${port}, which is not a containerPort of ${container.name}`);
      }
    }
  }
  (pod.volumes ?? []).forEach((volume, i) => {
    if (volume.configMap) checkRef(file, id, `spec.template.spec.volumes[${i}]`, "ConfigMap", configMaps, volume.configMap.name);
    if (volume.secret) checkRef(file, id, `spec.template.spec.volumes[${i}]`, "Secret", secrets, volume.secret.secretName);
  });
  if (!matches(obj.spec?.selector?.matchLabels, obj.spec?.template?.metadata?.labels)) {
    report(file, id, "spec.selector", "does not select the pods of its own template");
  }
}

for (const { file, obj, id } of byKind("Service")) {
  const targets = workloads.filter(w => matches(obj.spec?.selector, w.obj.spec?.template?.metadata?.labels));
  if (targets.length === 0) {
    report(file, id, "spec.selector", "selects the pods of no Deployment or StatefulSet");
    continue;
  }
  (obj.spec?.ports ?? []).forEach((port, i) => {
    const target = port.targetPort ?? port.port;
    const declared = targets.every(w => (w.obj.spec.template.spec.containers ?? []).some(c =>
      (c.ports ?? []).some(p => p.name === target || p.containerPort === target)));
    if (!declared) report(file, id, `spec.ports[${i}].targetPort`, `is ${target}, which is not a containerPort of the pods it selects`);
  });
}

for (const { file, obj, id } of byKind("PodDisruptionBudget")) {
  if (!workloads.some(w => matches(obj.spec?.selector?.matchLabels, w.obj.spec?.template?.metadata?.labels))) {
    report(file, id, "spec.selector", "selects the pods of no Deployment or StatefulSet");
  }
}

for (const { file, obj, id } of byKind("ScaledObject")) {
  const target = obj.spec?.scaleTargetRef?.name;
  if (!workloads.some(w => w.obj.metadata.name === target)) {
    report(file, id, "spec.scaleTargetRef.name", `names ${target}, which no Deployment or StatefulSet is`);
  }
  (obj.spec?.triggers ?? []).forEach((trigger, i) => {
    if (trigger.type !== "kafka") return;
    const meta = trigger.metadata ?? {};
    if (meta.topic && !topics.includes(meta.topic)) {
      report(file, id, `spec.triggers[${i}].metadata.topic`, `names ${meta.topic}, which no KafkaTopic declares`);
    }
    if (!meta.consumerGroup) report(file, id, `spec.triggers[${i}].metadata.consumerGroup`, "is missing");
    const host = String(meta.bootstrapServers ?? "").split(":")[0];
    if (!kafkas.some(k => host === `${k}-kafka-bootstrap`)) {
      report(file, id, `spec.triggers[${i}].metadata.bootstrapServers`, `is ${meta.bootstrapServers}, the bootstrap of no Kafka declared`);
    }
  });
}

for (const kind of ["KafkaTopic", "KafkaNodePool"]) {
  for (const { file, obj, id } of byKind(kind)) {
    const cluster = obj.metadata?.labels?.["strimzi.io/cluster"];
    if (!kafkas.includes(cluster)) {
      report(file, id, "metadata.labels.strimzi.io/cluster", `names ${cluster}, which no Kafka declares`);
    }
  }
}

for (const { file, obj, id } of byKind("MongoDBCommunity")) {
  (obj.spec?.users ?? []).forEach((user, i) =>
    checkRef(file, id, `spec.users[${i}].passwordSecretRef`, "Secret", secrets, user.passwordSecretRef?.name,
      user.passwordSecretRef?.key ?? "password"));
}

// ---- result ---------------------------------------------------------------------------------------------------
if (problems.length) {
  console.log(problems.join("\n"));
  console.log(`${problems.length} problem(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.log(`valid: ${resources.length} Kubernetes resources and ${composeFiles} Compose file(s) in ${files.length} file(s)`);

// ---- helpers --------------------------------------------------------------------------------------------------
function yamlFiles(path) {
  if (!existsSync(path)) {
    report(path, null, null, "does not exist");
    return [];
  }
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).sort().flatMap(entry => {
    const child = join(path, entry);
    if (statSync(child).isDirectory()) return yamlFiles(child);
    return /\.ya?ml$/.test(entry) ? [child] : [];
  });
}

function fieldPath(instancePath) {
  return instancePath.split("/").slice(1).map(s => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, segment) => /^\d+$/.test(segment) ? `${path}[${segment}]` : joinPath(path, segment), "");
}

function joinPath(path, key) {
  return path ? `${path}.${key}` : key;
}

/** kubernetes-models' compiled validators leave out ajv's messages: say them as ajv would. */
function describe(error) {
  if (error.message) return error.message;
  const p = error.params ?? {};
  switch (error.keyword) {
    case "type": return `must be ${p.type}`;
    case "required": return `must have required property '${p.missingProperty}'`;
    case "enum": return `must be one of ${JSON.stringify(p.allowedValues)}`;
    case "format": return `must match format "${p.format}"`;
    case "minimum": case "maximum": return `must be ${p.comparison} ${p.limit}`;
    default: return `fails ${error.keyword} ${JSON.stringify(p)}`;
  }
}
