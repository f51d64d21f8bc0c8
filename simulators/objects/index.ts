// Connected objects (V10) over MQTT, and the MQTT device they share with MQTT-native alarm panels.

export { ConnectedObject, type ObjectOptions } from './connected-object.ts';
export { MqttDevice, type MqttDeviceOptions, type DeviceEvent } from './mqtt-device.ts';
export { objectEventTypes, type ObjectEvent, type StartedObject } from './types.ts';
