#include "textflag.h"

// The kernels of panel.go: one row a of n features against the sixteen
// rows of four panels, each panel 4n values (feature f of its four rows at
// 32f bytes). Y4–Y7 hold the sixteen sums, one pair a lane; each lane adds
// its terms in feature order, as the Go loops do.

// func manhattan16AVX2(a *float64, n int, blk *float64, out *[16]float64)
TEXT ·manhattan16AVX2(SB), NOSPLIT, $0-32
	MOVQ a+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ blk+16(FP), DI
	MOVQ out+24(FP), DX
	MOVQ CX, BX
	SHLQ $5, BX // 32n: bytes from one panel to the next
	LEAQ (DI)(BX*1), R8
	LEAQ (R8)(BX*1), R9
	LEAQ (R9)(BX*1), R10
	VPCMPEQQ Y15, Y15, Y15
	VPSRLQ $1, Y15, Y15 // every bit but the sign: |x| = x AND Y15
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	XORQ AX, AX
	TESTQ CX, CX
	JEQ mdone

mloop:
	VBROADCASTSD (SI), Y0
	VSUBPD (DI)(AX*1), Y0, Y1
	VSUBPD (R8)(AX*1), Y0, Y2
	VSUBPD (R9)(AX*1), Y0, Y3
	VSUBPD (R10)(AX*1), Y0, Y8
	VANDPD Y15, Y1, Y1
	VANDPD Y15, Y2, Y2
	VANDPD Y15, Y3, Y3
	VANDPD Y15, Y8, Y8
	VADDPD Y1, Y4, Y4
	VADDPD Y2, Y5, Y5
	VADDPD Y3, Y6, Y6
	VADDPD Y8, Y7, Y7
	ADDQ $8, SI
	ADDQ $32, AX
	DECQ CX
	JNE mloop

mdone:
	VMOVUPD Y4, (DX)
	VMOVUPD Y5, 32(DX)
	VMOVUPD Y6, 64(DX)
	VMOVUPD Y7, 96(DX)
	VZEROUPPER
	RET

// func sqEuclidean16AVX2(a *float64, n int, blk *float64, out *[16]float64)
TEXT ·sqEuclidean16AVX2(SB), NOSPLIT, $0-32
	MOVQ a+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ blk+16(FP), DI
	MOVQ out+24(FP), DX
	MOVQ CX, BX
	SHLQ $5, BX
	LEAQ (DI)(BX*1), R8
	LEAQ (R8)(BX*1), R9
	LEAQ (R9)(BX*1), R10
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	XORQ AX, AX
	TESTQ CX, CX
	JEQ sdone

sloop:
	VBROADCASTSD (SI), Y0
	VSUBPD (DI)(AX*1), Y0, Y1
	VSUBPD (R8)(AX*1), Y0, Y2
	VSUBPD (R9)(AX*1), Y0, Y3
	VSUBPD (R10)(AX*1), Y0, Y8
	VMULPD Y1, Y1, Y1 // rounded, then added: no fused multiply-add
	VMULPD Y2, Y2, Y2
	VMULPD Y3, Y3, Y3
	VMULPD Y8, Y8, Y8
	VADDPD Y1, Y4, Y4
	VADDPD Y2, Y5, Y5
	VADDPD Y3, Y6, Y6
	VADDPD Y8, Y7, Y7
	ADDQ $8, SI
	ADDQ $32, AX
	DECQ CX
	JNE sloop

sdone:
	VMOVUPD Y4, (DX)
	VMOVUPD Y5, 32(DX)
	VMOVUPD Y6, 64(DX)
	VMOVUPD Y7, 96(DX)
	VZEROUPPER
	RET
