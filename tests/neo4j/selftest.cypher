// Self-test of the Neo4j harness: a hand-made script of the shape castgraph's Cypher
// exporter writes (constraints first, then batches of UNWIND ... MERGE ... SET in explicit
// :begin/:commit transactions), so loading it twice must leave the database unchanged.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT episode_id IF NOT EXISTS FOR (n:Episode) REQUIRE n.id IS UNIQUE;
:begin
UNWIND [{id: 'person:a', props: {name: 'A \'quoted\' \\ name', aliases: ['x', 'y']}}, {id: 'person:b', props: {name: 'Zoë “b” 😀', aliases: ['Zoe']}}] AS row MERGE (n:Person {id: row.id}) SET n += row.props;
UNWIND [{id: 'episode:1', props: {title: 'Line one\nline two', number: 1, duration_s: 3725.5, published: true}}] AS row MERGE (n:Episode {id: row.id}) SET n += row.props;
:commit
:begin
UNWIND [{from: 'person:a', to: 'episode:1', props: {role: 'host'}}, {from: 'person:b', to: 'episode:1', props: {role: 'guest', mentions: 2}}] AS row MATCH (a:Person {id: row.from}) MATCH (b:Episode {id: row.to}) MERGE (a)-[r:APPEARS_IN]->(b) SET r += row.props;
:commit
