"""Writes the request bodies of bench/rest/run into a directory: for each REST request its GraphQL
twin, selecting exactly the fields the REST answer carries (taken from a REST answer of the
running server), so that both APIs read and write the same data.

    python3 twins.py <base URL> <token> <output dir>
"""
import json
import sys
import urllib.error
import urllib.request

base, token, out = sys.argv[1:4]


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as e:
        sys.exit(f"bench/rest: {method} {path} answered {e.code}: {e.read().decode()[:500]}")


def selection(record):
    parts = []
    for key, value in record.items():
        if isinstance(value, dict):
            parts.append(key + " { " + " ".join(value.keys()) + " }")
        else:
            parts.append(key)
    return " ".join(parts)


def write(name, value):
    with open(f"{out}/{name}", "w") as f:
        f.write(json.dumps(value) if not isinstance(value, str) else value)


# No unique field (emails), so that the same body can be created again and again.
person = {"name": {"firstName": "Bench", "lastName": "Twin"}, "jobTitle": "Benchmarker",
          "city": "Lyon", "linkedinLink": {"primaryLinkUrl": "https://example.com/bench"}}

# Enough people for a full page of 20.
_, page = call("GET", "/rest/people?limit=1")
missing = max(0, 25 - page["totalCount"])
if missing:
    status, _ = call("POST", "/rest/batch/people", [
        {**person, "name": {"firstName": f"Seed{i}", "lastName": "Bench"}} for i in range(missing)])
    assert status == 201, status

_, page = call("GET", "/rest/people?limit=1")
fields = selection(page["data"]["people"][0])
write("rest_create.json", person)
write("graphql_list.json", {"query": (
    "query { people(first: 20, orderBy: [{id: AscNullsFirst}]) { edges { node { " + fields +
    " } } pageInfo { hasNextPage startCursor endCursor } totalCount } }")})
write("graphql_create.json", {
    "query": "mutation($data: PersonCreateInput!) { createPerson(data: $data) { " + fields + " } }",
    "variables": {"data": person}})

# Same data: both list answers carry the same people with the same values.
status, rest_page = call("GET", "/rest/people?limit=20")
_, graphql_page = call("POST", "/graphql", json.load(open(f"{out}/graphql_list.json")))
rest_people = rest_page["data"]["people"]
graphql_people = [e["node"] for e in graphql_page["data"]["people"]["edges"]]
if rest_people != graphql_people:
    sys.exit("bench/rest: REST and GraphQL list different people or values")
print(f"{len(rest_people)} people per page, {len(page['data']['people'][0])} fields each")

# Both creates answer the same record shape.
_, rest_created = call("POST", "/rest/people", person)
_, graphql_created = call("POST", "/graphql", json.load(open(f"{out}/graphql_create.json")))
if "errors" in graphql_created:
    sys.exit("bench/rest: createPerson failed: " + json.dumps(graphql_created["errors"])[:500])
rest_record = rest_created["data"]["createPerson"]
graphql_record = graphql_created["data"]["createPerson"]
if sorted(rest_record) != sorted(graphql_record):
    sys.exit("bench/rest: REST and GraphQL creates answer different fields")
