import proto from '@temporalio/proto';

// History ⇄ JSON with the same protobuf classes the client decodes with. (@temporalio/common's
// historyToJSON uses a nested protobufjs copy in this install and refuses these objects.)
const History = proto.temporal.api.history.v1.History;

export const historyToJson = (h: proto.temporal.api.history.v1.IHistory): string =>
  JSON.stringify(History.toObject(History.fromObject(h), { longs: String, enums: Number, bytes: String }), null, 1);

export const historyFromJson = (text: string): proto.temporal.api.history.v1.History =>
  History.fromObject(JSON.parse(text));
