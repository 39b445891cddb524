/**
 * Dashed edge programs for relations from background knowledge (basis 'knowledge'): sigma 3 ships no dashed line
 * (jacomyal/sigma.js#1497), so these draw sigma's own edge shapes with gaps cut by the fragment shader. Straight
 * edges: sigma's clamped edge (the line that stops at the arrow head) with our shaders, which carry the distance along
 * the edge in screen pixels; curved edges: @sigma/edge-curve's program, its fragment shader given the same cut. The
 * picking pass (what the mouse hits) stays solid, so a gap is still part of the edge.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import {
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  EdgeArrowHeadProgram,
  type EdgeProgramType,
  type ProgramDefinition,
  type ProgramInfo,
} from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';

/** Dash and gap lengths in CSS pixels: long enough to read as a dash on a thin edge, short enough for short edges. */
const DASH_PX = 7;
const GAP_PX = 5;

const f = (n: number): string => n.toFixed(1);

// The clamped edge's vertex shader (sigma 3.0, edge-clamped/vert.glsl) plus v_along: the distance from the source in
// CSS pixels, projected on the edge's direction so that it interpolates linearly across the quad.
const STRAIGHT_VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;
uniform vec2 u_dimensions;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const float bias = 255.0 / 254.0;

void main() {
  float radius = a_radius * a_radiusCoef;
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  float direction = sign(radius);
  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);

  vec2 start = (u_matrix * vec3(a_positionStart, 1)).xy * u_dimensions * 0.5;
  vec2 end = (u_matrix * vec3(a_positionEnd, 1)).xy * u_dimensions * 0.5;
  vec2 along = end - start;
  float alongLength = length(along);
  v_along = alongLength > 0.0 ? dot(gl_Position.xy * u_dimensions * 0.5 - start, along / alongLength) : 0.0;

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const STRAIGHT_FRAGMENT = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  // Soft dash ends (one pixel), so that the dashes do not shimmer while the camera moves.
  float phase = mod(v_along, ${f(DASH_PX + GAP_PX)});
  float gap = smoothstep(${f(DASH_PX - 0.5)}, ${f(DASH_PX + 0.5)}, phase) * (1.0 - smoothstep(${f(DASH_PX + GAP_PX - 1.0)}, ${f(DASH_PX + GAP_PX)}, phase));
  gl_FragColor = mix(v_color, transparent, max(t, gap));
  #endif
}
`;

/** What the subclasses below use of a sigma program class (its public type hides these two methods). */
type ProgramClass = new (
  ...args: ConstructorParameters<EdgeProgramType>
) => {
  getDefinition(): ProgramDefinition;
  setUniforms(params: RenderParams, programInfo: ProgramInfo): void;
};

const ClampedProgram = createEdgeClampedProgram() as unknown as ProgramClass;

/** The line of a straight dashed edge; the arrow head is sigma's own (solid, so the direction stays clear). */
class DashedClampedProgram extends ClampedProgram {
  override getDefinition(): ProgramDefinition {
    const definition = super.getDefinition();
    return {
      ...definition,
      VERTEX_SHADER_SOURCE: STRAIGHT_VERTEX,
      FRAGMENT_SHADER_SOURCE: STRAIGHT_FRAGMENT,
      UNIFORMS: [...definition.UNIFORMS, 'u_dimensions'],
    };
  }

  override setUniforms(params: RenderParams, programInfo: ProgramInfo): void {
    super.setUniforms(params, programInfo);
    const { gl, uniformLocations } = programInfo;
    gl.uniform2f(uniformLocations.u_dimensions as WebGLUniformLocation, params.width, params.height);
  }
}

/** Large graphs draw no arrow heads: the dashed line alone. */
export const EdgeDashedLineProgram = DashedClampedProgram as unknown as EdgeProgramType;

export const EdgeDashedArrowProgram: EdgeProgramType = createEdgeCompoundProgram([
  DashedClampedProgram as unknown as EdgeProgramType,
  EdgeArrowHeadProgram,
]);

/**
 * Where the cut goes in @sigma/edge-curve's fragment shader: before the curve's thickness test, after the arrow
 * head's (distToTarget, targetArrowLength), which stays solid. Distance from the source stands in for arc length:
 * on the gentle curves of parallel edges the two differ by a few percent. gl_FragCoord and v_cpA are device pixels.
 */
const CURVE_ANCHOR = '\n  float halfThickness = thickness / 2.0;';
const CURVE_CUT = /* glsl */ `
  #ifndef PICKING_MODE
  if (distToTarget >= targetArrowLength && mod(length(gl_FragCoord.xy - v_cpA) / u_dashPixelRatio, ${f(DASH_PX + GAP_PX)}) > ${f(DASH_PX)}) {
    gl_FragColor = transparent;
    return;
  }
  #endif`;

/** The curved arrow with gaps; null when @sigma/edge-curve's shader no longer has the place the cut goes. */
function dashedCurve(): EdgeProgramType | null {
  const Base = EdgeCurvedArrowProgram as unknown as ProgramClass;
  if (!Base.prototype.getDefinition.call(Base.prototype).FRAGMENT_SHADER_SOURCE.includes(CURVE_ANCHOR)) return null;
  class DashedCurveProgram extends Base {
    override getDefinition(): ProgramDefinition {
      const definition = super.getDefinition();
      const source = definition.FRAGMENT_SHADER_SOURCE.replace(
        'void main(void) {',
        'uniform float u_dashPixelRatio;\n\nvoid main(void) {',
      ).replace(CURVE_ANCHOR, `${CURVE_CUT}${CURVE_ANCHOR}`);
      return { ...definition, FRAGMENT_SHADER_SOURCE: source, UNIFORMS: [...definition.UNIFORMS, 'u_dashPixelRatio'] };
    }

    override setUniforms(params: RenderParams, programInfo: ProgramInfo): void {
      super.setUniforms(params, programInfo);
      const { gl, uniformLocations } = programInfo;
      gl.uniform1f(uniformLocations.u_dashPixelRatio as WebGLUniformLocation, params.pixelRatio);
    }
  }
  return DashedCurveProgram as unknown as EdgeProgramType;
}

/** Curved dashed arrows, or the plain curved arrow if the installed @sigma/edge-curve changed its shader. */
export const EdgeDashedCurvedArrowProgram: EdgeProgramType = dashedCurve() ?? EdgeCurvedArrowProgram;
