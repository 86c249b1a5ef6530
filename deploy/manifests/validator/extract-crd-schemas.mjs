// Writes the openAPIV3Schema of each served version of the given CRD files to deploy/kubernetes/schemas/
// as <group>_<version>_<Kind>.json — how the stored schemas were made (see deploy/kubernetes/schemas/README.md).
// Usage: node extract-crd-schemas.mjs <out-dir> <crd.yaml>...
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const [outDir, ...crdFiles] = process.argv.slice(2);
for (const file of crdFiles) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition") continue;
    for (const version of crd.spec.versions.filter(v => v.served)) {
      const name = `${crd.spec.group}_${version.name}_${crd.spec.names.kind}.json`;
      writeFileSync(join(outDir, name), JSON.stringify(version.schema.openAPIV3Schema, null, 1) + "\n");
      console.log(name);
    }
  }
}
