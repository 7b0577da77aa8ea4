// What the schema checks say: one message per mistake, on the value, in words.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check";

describe("schema messages", () => {
  it("tells a value of the wrong type once, without listing allowed values as well", () => {
    const found = check("microservices.discovery.provider = 5\n");
    assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [
      ["wrong-type", "5", "'microservices.discovery.provider' expects a string, found the number 5"],
    ]);
  });

  it("completes a value cut short in its suggestion, and lists the known values", () => {
    const [found] = check('microservices.discovery.retry_policy.backoff = "expo"\n');
    assert.equal(found.code, "unknown-value");
    assert.equal(found.text, '"expo"');
    assert.match(found.message, /: did you mean 'exponential'\? Known values: exponential, linear/);
  });

  it("lists the known values after a colon when nothing is close", () => {
    const [found] = check('microservices.discovery.provider = "zzzzzz"\n');
    assert.match(found.message, /^"zzzzzz" is not a known value for 'microservices\.discovery\.provider': known values are consul, /);
  });
});
